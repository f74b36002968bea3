import { pickText, type FormDefinition } from '@aftersales/engine';
import type { StoredRecord } from '../store/types.js';

/**
 * A record as people name it, in both languages: the form's title, its first filled text field in
 * the form's order (ticket number, customer...) and the local date it was made, e.g.
 * "售后服务记录 · SH-1 · 2026-12-01". Never its id.
 */
export function recordTitle(
  form: FormDefinition | undefined,
  record: Pick<StoredRecord, 'data' | 'createdAt'>,
  timeZone: string,
): { 'zh-CN': string; en: string } {
  const properties = (form?.schema.properties ?? {}) as Record<string, { type?: unknown; format?: unknown; 'x-kind'?: unknown }>;
  let key = '';
  for (const [name, property] of Object.entries(properties)) {
    const value = record.data[name];
    if (property.type === 'string' && !property.format && property['x-kind'] !== 'photo' && typeof value === 'string' && value.trim()) {
      key = value.trim().length > 40 ? `${value.trim().slice(0, 39)}…` : value.trim();
      break;
    }
  }
  const date = dateFormat(timeZone).format(new Date(record.createdAt));
  const title = (locale: 'zh-CN' | 'en') => {
    const formTitle = form?.title ? pickText(form.title, locale) : '';
    return [formTitle, key, date].filter((part) => part !== '').join(' · ');
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
