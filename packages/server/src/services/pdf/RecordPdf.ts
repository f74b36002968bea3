import type { Locale } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import type { Repositories } from '../../store/Store.js';
import type { StoredRecord } from '../../store/types.js';
import type { DefinitionService } from '../DefinitionService.js';
import type { PeopleDirectory } from '../people/PeopleDirectory.js';
import { storeTimeZone } from '../recordDateFilter.js';
import type { RecordLinks } from '../records/RecordLinks.js';
import { printLayout } from './printLines.js';
import { renderPdf, type SignatureImage } from './renderPdf.js';

/** A record's data larger than this (as JSON) is refused: the PDF's size and time follow from it. */
const MAX_PDF_DATA_BYTES = 256 * 1024;
/** At most this many lines (fields, group rows, lines of a list) on the PDF. */
const MAX_PDF_LINES = 2000;
/** A signature drawing larger than this is left out of the PDF (the pad makes a few KB). */
const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;
/** PDFs made at once (each keeps the 10 MB font's tables and the document in memory); more wait for none: 429. */
const PDF_CONCURRENCY = 2;

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/**
 * A record's print layout as a PDF (the same layout as the web app's print page) with the Chinese
 * font embedded: made from the record's pinned form version, people by display name, linked records
 * by title, signatures drawn; limited in data size, lines and concurrent work.
 */
export class RecordPdf {
  private running = 0;

  constructor(
    private readonly deps: {
      store: Pick<Repositories, 'files'>;
      definitions: DefinitionService;
      people: PeopleDirectory;
      links: RecordLinks;
    },
  ) {}

  async pdf(record: StoredRecord, locale: Locale, visible: (other: StoredRecord) => boolean): Promise<{ data: Buffer; filename: string }> {
    const size = Buffer.byteLength(JSON.stringify(record.data));
    if (size > MAX_PDF_DATA_BYTES) throw new DomainError('pdf.tooLarge', { limit: `${MAX_PDF_DATA_BYTES / 1024} KB` });
    if (this.running >= PDF_CONCURRENCY) throw new DomainError('pdf.busy', {}, { retryAfterSeconds: 5 });
    this.running++;
    try {
      const { definitions, people, links } = this.deps;
      const policy = await definitions.policyFor(record.formId, {
        formVersion: record.formVersion,
        ruleSetVersions: record.ruleSetVersions,
      });
      const pack = await definitions.publishedPack();
      const linked = await links.view(record, visible);
      const layout = printLayout(policy.form, record, {
        locale,
        timeZone: storeTimeZone(pack, record.formId),
        people: await people.displayNames(),
        stores: new Map(Object.entries(await people.storeNames())),
        links: new Map(linked.links.map((l) => [l.record.id, l.record.title[locale]])),
      });
      if (layout.lines.length > MAX_PDF_LINES) throw new DomainError('pdf.tooLarge', { limit: `${MAX_PDF_LINES} lines` });
      const images = await Promise.all(layout.signatures.map((s) => this.image(s.fileId)));
      const data = await renderPdf(layout, images, { author: 'After-sales Policy Studio', createdAt: new Date(record.updatedAt) });
      const name = layout.header[0]?.value && layout.header[0].value !== '–' ? layout.header[0].value : record.id;
      return { data, filename: `${layout.title}-${name}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_') };
    } finally {
      this.running--;
    }
  }

  private async image(fileId: string | null): Promise<SignatureImage> {
    if (!fileId) return null;
    const file = await this.deps.store.files.getFile(fileId);
    if (!file || !IMAGE_TYPES.has(file.contentType) || file.size > MAX_SIGNATURE_BYTES) return null;
    return { data: file.data, contentType: file.contentType };
  }
}
