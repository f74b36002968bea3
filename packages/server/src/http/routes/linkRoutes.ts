import { api } from '@aftersales/contract';
import { DomainError } from '../../errors/DomainError.js';
import { maySee, type Principal } from '../../services/Principal.js';
import { RecordPdf } from '../../services/pdf/RecordPdf.js';
import { Download, type Access, type Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:read' };

/** Linked records: a record's links both ways (a visit's ticket, a ticket's visits); the record's print layout as a PDF. */
export function linkRoutes(services: Services): Route[] {
  const { records } = services;
  // Made on the first PDF (the route table is also built without services, for the OpenAPI document).
  let pdfs: RecordPdf | undefined;
  const pdfMaker = () =>
    (pdfs ??= new RecordPdf({ store: services.store, definitions: services.definitions, people: services.people, links: records.links }));
  const visible = async (id: string, principal: Principal) => {
    const record = await records.stored(id);
    if (!maySee(principal, record)) throw new DomainError('record.notFound', { id });
    return record;
  };
  return [
    route(api.links.recordLinks, {
      access: READ,
      summary:
        'A record’s links both ways, each by the other record’s title and status: the records its link fields name, and the records linking to it (newest first, up to 100); only records the caller may see',
      handler: async ({ params, principal }) =>
        records.links.view(await visible(params.id, principal), (other) => maySee(principal, other)),
    }),
    route(api.links.recordPdf, {
      access: READ,
      summary:
        'The record’s print layout as an A4 PDF (Noto Sans SC embedded: Chinese reads with no font installed) in zh-CN (default) or en: title, number, store, status, fields in words, signature lines with the drawn signatures; data up to 256 KB and 2,000 lines, two PDFs at a time (else 429)',
      handler: async ({ params, query, principal, res }) => {
        const record = await visible(params.id, principal);
        const { data, filename } = await pdfMaker().pdf(record, query.lang ?? 'zh-CN', (other) => maySee(principal, other));
        res.set({ 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'" });
        return new Download('application/pdf', data, filename);
      },
    }),
  ];
}
