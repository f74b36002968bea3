import { formatLocalDate, formatLocalDateTime, localYear, pickText, type Locale, type LocalizedText } from '@aftersales/engine';
import { formatMoney } from '../../shared/format';

/** The parts of a field's schema that say how its value reads. */
export interface ValueField {
  type?: unknown;
  format?: string;
  'x-kind'?: string;
  'x-enumTitles'?: Record<string, LocalizedText>;
}

/**
 * A stored value as people read it: an option by its label, 是/否, a local date or time (never
 * ISO), an amount in yuan, a photo or signature as "photo", a person by display name; never the stored code.
 */
export function valueText(
  field: ValueField | undefined,
  value: unknown,
  options: {
    locale: Locale;
    timeZone: string;
    now?: Date;
    words: { yes: string; no: string; photo: string };
    /** A person field's stored user name as people read it (its display name). */
    personName?: (username: string) => string;
  },
): string {
  const { locale, timeZone, words } = options;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const title = typeof value === 'string' || typeof value === 'number' ? field?.['x-enumTitles']?.[String(value)] : undefined;
  if (title) return pickText(title, locale);
  if (field?.['x-kind'] === 'photo' || field?.['x-kind'] === 'signature') return words.photo;
  if (typeof value === 'string' && field?.['x-kind'] === 'person' && options.personName) return options.personName(value);
  if (typeof value === 'string' && field?.format === 'date-time') return formatLocalDateTime(value, locale, timeZone);
  if (typeof value === 'string' && field?.format === 'date')
    return formatLocalDate(value, locale, { year: localYear(options.now ?? new Date(), timeZone) });
  if (typeof value === 'number' && field?.['x-kind'] === 'money') return formatMoney(value, locale);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
