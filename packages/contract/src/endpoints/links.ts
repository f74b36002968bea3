import Type from 'typebox';
import { endpoint } from '../endpoint.js';
import { IdParams, Instant, LocalizedText, Nullable } from '../shapes.js';

/** A record as another record's page names it: by its title and status in both languages, never by id alone. */
export const LinkedRecord = Type.Object({
  id: Type.String(),
  formId: Type.String(),
  /** Form title · record name · local date, e.g. "售后服务记录 · SH-20261201-001 · 李女士 · 2026-12-01". */
  title: LocalizedText,
  status: Nullable(Type.String()),
  statusLabel: Nullable(LocalizedText),
  createdAt: Instant,
});

/** One link: the link field (its label) and the record at its other end. */
export const RecordLinkView = Type.Object({ field: Type.String(), label: LocalizedText, record: LinkedRecord });

export const linkEndpoints = {
  recordLinks: endpoint({
    method: 'get',
    path: '/records/:id/links',
    params: IdParams,
    response: Type.Object({
      /** The records this record's link fields name (a visit's ticket). */
      links: Type.Array(RecordLinkView),
      /** The records whose link fields name this one (a ticket's visits), newest first. */
      linkedFrom: Type.Array(RecordLinkView),
    }),
  }),
  recordPdf: endpoint({
    method: 'get',
    path: '/records/:id/pdf',
    params: IdParams,
    query: Type.Object({ lang: Type.Optional(Type.Enum(['zh-CN', 'en'])) }),
    file: ['application/pdf'],
  }),
};
