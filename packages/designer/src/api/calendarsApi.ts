import type { CalendarFile, LocalizedText } from '@aftersales/engine';
import type { ApiClient } from './ApiClient';
import { api } from '@aftersales/contract';

/** One open deadline a calendar publish would move. */
export interface DeadlineShift {
  recordId: string;
  formId: string;
  key: string;
  what: LocalizedText;
  /** Form title · key field · local date: how people name the record. */
  title: LocalizedText;
  from: string | null;
  to: string | null;
  deltaMs: number | null;
  breachedNow: boolean;
  saved: boolean;
}

export interface CalendarPreview {
  now: string;
  timeZone: string;
  counts: { moved: number; later: number; earlier: number; breachedNow: number; saved: number };
  items: DeadlineShift[];
}

export interface CalendarDetail {
  id: string;
  published: { version: number; definition: CalendarFile } | null;
  draft: { definition: CalendarFile } | null;
}

/** Calendars: their drafts, the preview of what a publish moves, publish. */
export function calendarsApi(client: ApiClient) {
  const one = (id: string) => `/calendars/${encodeURIComponent(id)}`;
  return {
    list: async () => (await client.call(api.calendars.list, {})).items,
    get: (id: string) => client.get<CalendarDetail>(one(id)),
    saveDraft: (id: string, definition: CalendarFile) => client.put<unknown>(`${one(id)}/draft`, { definition }),
    preview: (id: string, definition: CalendarFile) => client.post<CalendarPreview>(`${one(id)}/preview`, { definition }),
    publish: (id: string) => client.post<{ version: number }>(`${one(id)}/publish`, {}),
  };
}
