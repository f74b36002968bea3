import { pickText, type FormDefinition, type RecordSchema } from '@aftersales/engine';
import { serverErrorMessage } from '@aftersales/contract';
import type { ErrorDetail } from '../../errors/AppError.js';
import { DomainError } from '../../errors/DomainError.js';
import type { FilesRepository } from '../../store/ports/FilesRepository.js';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';

const FILE_URL = /^\/api\/v1\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** An uploaded file a record's data names, where, and what kind of field holds it. */
interface Attachment {
  fileId: string;
  pointer: string;
  kind: unknown;
  label: RecordSchema['x-title'];
  name: string;
}

/** Who writes the record, as far as attaching files goes. */
export interface FileWriter {
  actor: string;
  /** Admins read every file anyway: they may attach any that exists. */
  unrestricted: boolean;
  /** The record's store: a file already attached to a record of the same store may be named again. */
  store: string | null;
}

/**
 * Refuses a record write that names an uploaded file (a photo, signature or scan) it may not: one
 * that does not exist, one someone else uploaded that no record of the same store holds (a file of
 * another store read through this record otherwise), or, in a photo or signature field, a file that
 * is not an image. Only files the write adds are checked: those an earlier version already named stay.
 */
export async function refuseForeignFiles(
  repositories: Pick<FilesRepository, 'getFile' | 'recordIdsWithFile'> & Pick<RecordsRepository, 'getRecord'>,
  form: FormDefinition,
  data: unknown,
  writer: FileWriter,
  before?: unknown,
): Promise<void> {
  const previous = new Set(attachments(form.schema, before, '').map((a) => a.fileId));
  const added = attachments(form.schema, data, '').filter((a) => !previous.has(a.fileId));
  const problems: Problem[] = [];
  for (const attachment of added) {
    const field = { fieldZh: fieldName(attachment, 'zh-CN'), fieldEn: fieldName(attachment, 'en') };
    const file = await repositories.getFile(attachment.fileId);
    if (!file) problems.push({ attachment, code: 'record.fileUnknown', params: field });
    else if (!writer.unrestricted && file.createdBy !== writer.actor && !(await attachedInStore(repositories, file.id, writer.store)))
      problems.push({ attachment, code: 'record.fileNotYours', params: field });
    else if ((attachment.kind === 'photo' || attachment.kind === 'signature') && !file.contentType.startsWith('image/'))
      problems.push({ attachment, code: 'record.fileNotPhoto', params: { ...field, type: file.contentType } });
  }
  const [first] = problems;
  if (!first) return;
  // The first problem is the message; every one is a detail pointing at its field.
  const details: ErrorDetail[] = problems.map(({ attachment, code, params }) => {
    const message = serverErrorMessage(code, params as never);
    return { pointer: `/data${attachment.pointer}`, code, message: message.en, messageZh: message['zh-CN'] };
  });
  throw new DomainError(first.code, first.params as never, { details });
}

type Problem = {
  attachment: Attachment;
  code: 'record.fileUnknown' | 'record.fileNotYours' | 'record.fileNotPhoto';
  params: Record<string, string>;
};

/** Whether a record of the store (or, for a record without a store, one without a store) already names the file. */
async function attachedInStore(
  repositories: Pick<FilesRepository, 'getFile' | 'recordIdsWithFile'> & Pick<RecordsRepository, 'getRecord'>,
  fileId: string,
  store: string | null,
): Promise<boolean> {
  for (const id of await repositories.recordIdsWithFile(fileId)) {
    const record = await repositories.getRecord(id);
    if (record && record.store === store) return true;
  }
  return false;
}

function fieldName(attachment: Attachment, locale: 'zh-CN' | 'en'): string {
  return attachment.label ? pickText(attachment.label, locale) : attachment.name;
}

/** Every uploaded-file URL in the data, with its JSON pointer and the kind of the field holding it (walking schema and data together). */
function attachments(
  schema: RecordSchema | undefined,
  value: unknown,
  pointer: string,
  holder?: { kind: unknown; label: RecordSchema['x-title']; name: string },
): Attachment[] {
  if (typeof value === 'string') {
    const match = FILE_URL.exec(value);
    if (!match) return [];
    const kind = schema?.['x-kind'] ?? holder?.kind;
    const label = schema?.['x-title'] ?? holder?.label;
    return [{ fileId: match[1]!, pointer, kind, label, name: holder?.name ?? pointer.split('/').pop() ?? '' }];
  }
  if (Array.isArray(value)) {
    const items = schema && typeof schema.items === 'object' && !Array.isArray(schema.items) ? schema.items : undefined;
    const here = schema ? { kind: schema['x-kind'], label: schema['x-title'], name: pointer.split('/').pop() ?? '' } : holder;
    return value.flatMap((item, i) => attachments(items, item, `${pointer}/${i}`, here));
  }
  if (value !== null && typeof value === 'object') {
    const properties = schema?.properties ?? {};
    return Object.entries(value).flatMap(([key, item]) =>
      attachments(Object.hasOwn(properties, key) ? properties[key] : undefined, item, `${pointer}/${escapePointer(key)}`, {
        kind: undefined,
        label: undefined,
        name: key,
      }),
    );
  }
  return [];
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
