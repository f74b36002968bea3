import type { ApiClient } from './ApiClient';
import { authApi } from './authApi';
import { calendarsApi } from './calendarsApi';
import { documentsApi } from './documentsApi';
import { recordsApi } from './recordsApi';
import { referenceApi } from './referenceApi';
import { usersApi } from './usersApi';
import { workApi } from './workApi';
import { fieldworkApi } from './fieldworkApi';
import { linksApi } from './linksApi';

/** Every server call the app makes, by area. */
export function createApi(client: ApiClient) {
  return {
    client,
    auth: authApi(client),
    forms: documentsApi(client, 'forms'),
    ruleSets: documentsApi(client, 'ruleSets'),
    records: recordsApi(client),
    reference: referenceApi(client),
    work: workApi(client),
    users: usersApi(client),
    calendars: calendarsApi(client),
    fieldwork: fieldworkApi(client),
    links: linksApi(client),
  };
}

export type Api = ReturnType<typeof createApi>;
