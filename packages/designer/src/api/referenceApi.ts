import { api } from '@aftersales/contract';
import type { CalendarFile } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';
import type { ReferenceData } from './types';

/** The published calendar files and the roles file: what rules refer to. */
export function referenceApi(client: ApiClient) {
  return {
    async load(): Promise<ReferenceData> {
      const [calendars, roles] = await Promise.all([
        client
          .call(api.calendars.list, {})
          .then((b) => b.items.flatMap((c) => (c.definition ? [c.definition as CalendarFile] : [])))
          .catch(() => []),
        client.call(api.roles, {}).catch(() => null),
      ]);
      return { calendars, roles };
    },
  };
}
