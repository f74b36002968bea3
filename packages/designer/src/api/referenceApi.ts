import type { CalendarFile, RolesFile } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';
import { listOf } from './documentsApi';
import type { ReferenceData } from './types';

/** GET /calendars (published calendar files) and GET /roles (the roles file): what rules refer to. */
export function referenceApi(client: ApiClient) {
  return {
    async load(): Promise<ReferenceData> {
      const [calendars, roles] = await Promise.all([
        client
          .get<unknown>('/calendars')
          .then((b) => listOf<CalendarFile | { definition: CalendarFile }>(b).map((c) => ('definition' in c ? c.definition : c)))
          .catch(() => []),
        client
          .get<RolesFile | { definition: RolesFile }>('/roles')
          .then((b) => ('definition' in b ? b.definition : b))
          .catch(() => null),
      ]);
      return { calendars, roles };
    },
  };
}
