import type { ApiClient } from './ApiClient';
import type { RecordAnswer, RecordListItem } from './workApi';

/** A user as person fields show them: the reference records keep (user name) and the name people read. */
export interface Person {
  username: string;
  displayName: string;
  policyRoles: string[];
  stores: string[];
}

/** Field work: the people and stores person and store fields pick from, dispatch, my jobs. */
export function fieldworkApi(client: ApiClient) {
  return {
    people: (roles: readonly string[] = []) =>
      client.get<{ items: Person[] }>('/people', roles.length > 0 ? { role: roles.join(',') } : {}),
    stores: () => client.get<{ items: string[] }>('/stores'),
    dispatch: (id: string, assignee: string, rev: number) =>
      client.post<RecordAnswer>(`/records/${encodeURIComponent(id)}/dispatch`, { assignee, rev }),
    myJobs: () => client.get<{ items: RecordListItem[]; now: string }>('/my-jobs'),
  };
}
