import { api } from '@aftersales/contract';
import type { ApiClient } from './ApiClient';
import type { RecordSummary } from './types';

/** The most recent records of a form (test bench samples, impact preview). */
export function recordsApi(client: ApiClient) {
  return {
    async recent(form: string, limit = 50): Promise<RecordSummary[]> {
      return (await client.call(api.records.listRecords, { query: { form, limit } })).items;
    },
  };
}
