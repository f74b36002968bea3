import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { domainDetail } from '../errors/domainDetail.js';
import { DomainError } from '../errors/DomainError.js';
import type { StoredFile } from '../store/types.js';
import type { Clock } from './Clock.js';
import { actorOf, hasRole, recordScope, recordsInScope, type Principal } from './Principal.js';
import type { FilesRepository } from '../store/ports/FilesRepository.js';
import type { AuditRepository } from '../store/ports/AuditRepository.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = FilesRepository & AuditRepository & RecordsRepository;

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

/** How much one person may upload in any 24 hours. */
export interface UploadQuota {
  filesPerDay: number;
  bytesPerDay: number;
}

export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { filesPerDay: 200, bytesPerDay: 500 * 1_048_576 };
const DAY_MS = 86_400_000;

/**
 * Photos and scans attached to records: the bytes must be what they claim to be; stored in the
 * store; at most a quota per person in any 24 hours; every upload in the audit log. A file is read
 * by its uploader, by admins, and by whoever may see a record that names it.
 */
export class FileService {
  constructor(
    private readonly store: StorePorts,
    private readonly clock: Clock,
    private readonly quota: UploadQuota = DEFAULT_UPLOAD_QUOTA,
  ) {}

  async upload(data: Buffer, declaredType: string, name: string, actor: string): Promise<FileInfo> {
    if (data.length === 0) throw new DomainError('file.empty', {});
    await this.checkQuota(actor, data.length);
    const sniffed = await fileTypeFromBuffer(data);
    const declared = declaredType.split(';')[0]!.trim().toLowerCase();
    if (!sniffed || !(FILE_TYPES as readonly string[]).includes(sniffed.mime) || !sameType(sniffed.mime, declared)) {
      throw new DomainError(
        'file.typeMismatch',
        { declared, accepted: FILE_TYPES.join(', ') },
        {
          details: [
            sniffed
              ? domainDetail('/body', 'detail.contentLooksLike', { mime: sniffed.mime }, 'file.type')
              : domainDetail('/body', 'detail.unknownContent', {}, 'file.type'),
          ],
        },
      );
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
    const { data: _bytes, ...metadata } = file;
    await this.store.appendAudit({
      at: file.createdAt,
      actor,
      entity: 'file',
      entityId: file.id,
      action: 'upload',
      before: null,
      after: metadata,
    });
    return infoOf(file);
  }

  /** A file this caller may read; others are "not found", so ids cannot be probed. */
  async get(id: string, principal: Principal): Promise<StoredFile> {
    const file = /^[0-9a-f-]{36}$/.test(id) ? await this.store.getFile(id) : null;
    if (!file || !(await this.mayRead(file, principal))) throw new DomainError('file.notFound', { id });
    return file;
  }

  /**
   * Admins and the uploader always; anyone else (an API key with records:read too) only through a
   * record that names the file and that they may see. A file not yet attached is its uploader's.
   */
  private async mayRead(file: StoredFile, principal: Principal): Promise<boolean> {
    if (hasRole(principal, ['admin']) || actorOf(principal) === file.createdBy) return true;
    const records = await recordsInScope(this.store, await this.store.recordIdsWithFile(file.id), recordScope(principal));
    return records.size > 0;
  }

  private async checkQuota(actor: string, bytes: number): Promise<void> {
    const since = new Date(this.clock().getTime() - DAY_MS).toISOString();
    const used = await this.store.fileUsage(actor, since);
    const { filesPerDay, bytesPerDay } = this.quota;
    if (used.count + 1 > filesPerDay) throw new DomainError('file.quotaFiles', { files: filesPerDay });
    if (used.bytes + bytes > bytesPerDay) {
      const mib = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MiB`;
      throw new DomainError('file.quotaBytes', { limit: mib(bytesPerDay), used: mib(used.bytes) });
    }
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
