import { formatLocalDateTime, recordName, type FormDefinition, type Locale } from '@aftersales/engine';

/**
 * How a record is named in lists and links (never its id): the form's title fields (its
 * `recordTitle`, else its first filled text field), or when none is filled the local time it was made.
 */
export function recordLabel(
  form: FormDefinition | undefined,
  record: { id: string; data: Record<string, unknown>; createdAt?: string },
  locale: Locale,
  timeZone = 'Asia/Shanghai',
): string {
  return recordName(form, record.data, locale) || formatLocalDateTime(record.createdAt, locale, timeZone) || '—';
}
