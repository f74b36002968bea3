import type { CalendarFile } from '@aftersales/engine';
import { api, type DeadlineShift as DeadlineShiftSchema, type ResponseOf, type Static } from '@aftersales/contract';
import type { ApiClient } from './ApiClient';
import type { DocumentDetail } from './types';

/** One open deadline a calendar publish would move (the contract's). */
export type DeadlineShift = Static<typeof DeadlineShiftSchema>;
export type CalendarPreview = ResponseOf<typeof api.pack.calendarPreview>;
export type CalendarDetail = DocumentDetail<CalendarFile>;

/** Calendars: their drafts, the preview of what a publish moves, publish. */
export function calendarsApi(client: ApiClient) {
  const e = api.calendars;
  const asBody = (definition: CalendarFile) => ({ definition: definition as unknown as Record<string, unknown> });
  return {
    list: async () => (await client.call(e.list, {})).items,
    get: async (id: string) => (await client.call(e.get, { params: { id } })) as CalendarDetail,
    saveDraft: (id: string, definition: CalendarFile) => client.call(e.saveDraft, { params: { id }, body: asBody(definition) }),
    preview: (id: string, definition: CalendarFile) => client.call(api.pack.calendarPreview, { params: { id }, body: asBody(definition) }),
    publish: (id: string) => client.call(e.publish, { params: { id }, body: {} }),
  };
}
