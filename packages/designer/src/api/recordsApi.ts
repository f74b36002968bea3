import type { ApiClient } from './ApiClient';
import { listOf } from './documentsApi';
import type { RecordSummary } from './types';

/** GET /records?form=&limit= : the most recent records of a form (test bench samples, impact preview). */
export function recordsApi(client: ApiClient) {
  return {
    async recent(form: string, limit = 50): Promise<RecordSummary[]> {
      return listOf<RecordSummary>(await client.get<unknown>('/records', { form, limit }));
    },
  };
}
