import { fieldAt, type FormDefinition } from '@aftersales/engine';
import type { ServerErrorParams } from '@aftersales/contract';
import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import type { RecordFilter } from '../store/types.js';

/** The stores' zone when no published calendar names one. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with its offset (or Z), as RFC 3339 writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Offset of a zone from UTC at an instant, in milliseconds (Intl's tz data). */
function offsetMs(timeZone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) * 60_000;
}

/** The instant a local date starts in a zone (midnight, or the first minute after a gap). */
export function startOfLocalDay(timeZone: string, date: string, addDays = 0): number {
  const [, y, m, d] = LOCAL_DATE.exec(date)!;
  const utcMidnight = new Date(0).setUTCFullYear(Number(y), Number(m) - 1, Number(d) + addDays);
  const guess = utcMidnight - offsetMs(timeZone, utcMidnight);
  return utcMidnight - offsetMs(timeZone, guess);
}

function checkDate(name: 'from' | 'to', text: string): void {
  const local = LOCAL_DATE.exec(text);
  const valid = local
    ? (() => {
        const [, y, m, d] = local.map(Number) as [number, number, number, number];
        const probe = new Date(0);
        probe.setUTCFullYear(y, m - 1, d);
        return y >= 1 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
      })()
    : INSTANT.test(text) && !Number.isNaN(Date.parse(text));
  if (!valid)
    throw new DomainError(
      'query.notADate',
      { name, nameZh: name === 'from' ? '从' : '到' },
      { details: [domainDetail(`/query/${name}`, 'detail.localDate', {}, 'format')] },
    );
}

/**
 * The records list's 从/到 as a store filter. A plain date is a local date of the store's time zone
 * (a whole day: `to` includes its last moment); a date-time with an offset is that instant. Without
 * `dateField` the dates are of the record's creation; with it, of that date or date-time field of
 * the form (its schema must have it: an unknown or non-date field is a 400).
 */
export function recordDateFilter(
  query: { from?: string | undefined; to?: string | undefined; dateField?: string | undefined },
  context: { form: FormDefinition | null; timeZone: string },
): Pick<RecordFilter, 'createdFrom' | 'createdTo' | 'dataRange'> {
  const { from, to, dateField } = query;
  if (from !== undefined) checkDate('from', from);
  if (to !== undefined) checkDate('to', to);
  const instant = (text: string, end: boolean): string =>
    LOCAL_DATE.test(text)
      ? new Date(startOfLocalDay(context.timeZone, text, end ? 1 : 0) - (end ? 1 : 0)).toISOString()
      : new Date(Date.parse(text)).toISOString();
  if (dateField === undefined || dateField === 'createdAt')
    return {
      ...(from !== undefined ? { createdFrom: instant(from, false) } : {}),
      ...(to !== undefined ? { createdTo: instant(to, true) } : {}),
    };
  const refuse = <C extends 'dateField.needsForm' | 'dateField.unknown' | 'dateField.notADate'>(
    reason: C,
    params: ServerErrorParams<C>,
  ): never => {
    throw new DomainError(reason, params, { details: [domainDetail('/query/dateField', reason, params)] });
  };
  if (!context.form) return refuse('dateField.needsForm', {});
  const field = FIELD_PATH.test(dateField) ? fieldAt(context.form.schema, dateField) : undefined;
  if (!field || field.many) return refuse('dateField.unknown', { form: context.form.id, field: dateField });
  if (field.type !== 'string' || (field.format !== 'date' && field.format !== 'date-time'))
    return refuse('dateField.notADate', { field: dateField });
  if (field.format === 'date') {
    // A date field holds local dates: compared as dates (an instant bound is taken on the store's calendar).
    const day = (text: string) => (LOCAL_DATE.test(text) ? text : localDateOf(context.timeZone, Date.parse(text)));
    return {
      dataRange: {
        field: dateField,
        kind: 'date',
        ...(from !== undefined ? { from: day(from) } : {}),
        ...(to !== undefined ? { to: day(to) } : {}),
      },
    };
  }
  return {
    dataRange: {
      field: dateField,
      kind: 'date-time',
      ...(from !== undefined ? { from: instant(from, false) } : {}),
      ...(to !== undefined ? { to: instant(to, true) } : {}),
    },
  };
}

function localDateOf(timeZone: string, instant: number): string {
  return new Date(instant + offsetMs(timeZone, instant)).toISOString().slice(0, 10);
}

/** The time zone of a form's store calendar: the calendar its rule sets count on, else the first published one, else China. */
export function storeTimeZone(
  pack: {
    ruleSets: Map<string, { definition: { form: string; calendar?: string } }>;
    calendars: Map<string, { definition: { timeZone?: string } }>;
  },
  formId?: string,
): string {
  const named = [...pack.ruleSets.values()].find((r) => r.definition.form === formId && r.definition.calendar)?.definition.calendar;
  const calendar = (named ? pack.calendars.get(named) : undefined) ?? [...pack.calendars.values()][0];
  return calendar?.definition.timeZone ?? DEFAULT_TIME_ZONE;
}
