import { pickText, recordName, type FormDefinition } from '@aftersales/engine';
import type { StoredRecord } from '../store/types.js';

/**
 * A record as people name it, in both languages: the form's title, the record's name (the form's
 * `recordTitle` fields, e.g. ticket no. + customer, else its first filled text field; engine
 * `recordName`, the designer's too) and the local date it was made, e.g.
 * "售后服务记录 · SH-1 · 李女士 · 2026-12-01", people by their display names (`people`, user name ->
 * display name: `PeopleDirectory.displayNames`). Never its id.
 */
export function recordTitle(
  form: FormDefinition | undefined,
  record: Pick<StoredRecord, 'data' | 'createdAt'>,
  timeZone: string,
  people: ReadonlyMap<string, string>,
): { 'zh-CN': string; en: string } {
  const date = dateFormat(timeZone).format(new Date(record.createdAt));
  const title = (locale: 'zh-CN' | 'en') => {
    const formTitle = form?.title ? pickText(form.title, locale) : '';
    const name = recordName(form, record.data, locale, (username) => people.get(username) ?? username);
    return [formTitle, name, date].filter((part) => part !== '').join(' · ');
  };
  return { 'zh-CN': title('zh-CN'), en: title('en') };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One local-date formatter per zone (making one costs far more than using it: impact titles thousands of records). */
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format)
    formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format;
}
