import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors/AppError.js';
import type { Store } from '../store/Store.js';
import type { StoredFile } from '../store/types.js';
import type { Clock } from './Clock.js';

/** What may be attached to a record: photos from a phone camera and PDF scans. */
export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'application/pdf'] as const;
export const MAX_FILE_BYTES = 10 * 1_048_576;

export interface FileInfo {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

/** Photos and scans attached to records: the bytes must be what they claim to be; stored in the store. */
export class FileService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async upload(data: Buffer, declaredType: string, name: string, actor: string): Promise<FileInfo> {
    if (data.length === 0) throw new AppError('bad_request', 'the file is empty');
    const sniffed = await fileTypeFromBuffer(data);
    const declared = declaredType.split(';')[0]!.trim().toLowerCase();
    if (!sniffed || !(FILE_TYPES as readonly string[]).includes(sniffed.mime) || !sameType(sniffed.mime, declared)) {
      throw new AppError('unprocessable', `the file is not a ${declared} (accepted: ${FILE_TYPES.join(', ')})`, {
        messageZh: `文件内容与类型 ${declared} 不符（可上传 JPEG、PNG、WebP、GIF、HEIC 图片或 PDF）`,
        details: [{ pointer: '/body', code: 'file.type', message: `content looks like ${sniffed?.mime ?? 'unknown data'}` }],
      });
    }
    const file: StoredFile = {
      id: randomUUID(),
      name: cleanName(name, sniffed.ext),
      contentType: sniffed.mime,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      createdBy: actor,
      createdAt: this.clock().toISOString(),
    };
    await this.store.putFile(file);
    return infoOf(file);
  }

  async get(id: string): Promise<StoredFile> {
    const file = /^[0-9a-f-]{36}$/.test(id) ? await this.store.getFile(id) : null;
    if (!file) throw new AppError('not_found', `file "${id}" does not exist`);
    return file;
  }
}

export function infoOf(file: StoredFile): FileInfo {
  return { id: file.id, name: file.name, contentType: file.contentType, size: file.size, url: `/api/v1/files/${file.id}` };
}

/** HEIC and HEIF are one family; everything else must match exactly. */
function sameType(sniffed: string, declared: string): boolean {
  const family = (t: string) => (t === 'image/heif' ? 'image/heic' : t);
  return family(sniffed) === family(declared);
}

/** A display name without path parts or control characters, at most 120 characters, never empty. */
function cleanName(name: string, ext: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 120);
  return base === '' || base === '.' || base === '..' ? `file.${ext}` : base;
}
