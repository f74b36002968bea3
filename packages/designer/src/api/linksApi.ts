import { api, type ResponseOf } from '@aftersales/contract';
import { API_BASE, type ApiClient } from './ApiClient';

/** A record's links both ways, each by the other record's title and status. */
export type RecordLinks = ResponseOf<typeof api.links.recordLinks>;

/** Linked records: a record's links both ways, records of a form found by words (the link picker), the PDF. */
export function linksApi(client: ApiClient) {
  return {
    links: (id: string) => client.call(api.links.recordLinks, { params: { id } }),
    /** Records of a form the caller may see, found by ticket no., customer or technician (newest first). */
    find: async (form: string, q: string, limit = 20) =>
      (await client.call(api.records.listRecords, { query: { form, limit, ...(q.trim() ? { q: q.trim() } : {}) } })).items,
    /** Where the record's PDF downloads (the browser sends the session cookie). */
    pdfUrl: (id: string, lang: 'zh-CN' | 'en') => `${API_BASE}/records/${encodeURIComponent(id)}/pdf?lang=${lang}`,
  };
}
