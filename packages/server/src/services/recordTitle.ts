import { formatLocalDateTime, pickText, recordName, type FormDefinition } from '@aftersales/engine';
import type { StoredRecord } from '../store/types.js';

/**
 * A record as people name it, in both languages: the form's title, the record's name (the form's
 * `recordTitle` fields, e.g. ticket no. + customer, else its first filled text field; engine
 * `recordName`, the designer's too) and the local date it was made, e.g.
 * "售后服务记录 · SH-1 · 李女士 · 2026-12-01". Never its id.
 */
export function recordTitle(form: FormDefinition | undefined, record: StoredRecord, timeZone: string): { 'zh-CN': string; en: string } {
  const date = formatLocalDateTime(record.createdAt, 'en', timeZone).slice(0, 10);
  const title = (locale: 'zh-CN' | 'en') => {
    const formTitle = form?.title ? pickText(form.title, locale) : '';
    return [formTitle, recordName(form, record.data, locale), date].filter((part) => part !== '').join(' · ');
  };
  return { 'zh-CN': title('zh-CN'), en: title('en') };
}
