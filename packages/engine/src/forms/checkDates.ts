import { parseInstant } from '../calendar/parseInstant.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FormDefinition, RecordSchema } from './FormDefinition.js';

/** A date or date-time field that breaks its check (`x-notFuture`, `x-after`), with the line of a repeating group. */
export interface DateProblem {
  /** JSON pointer into the record data, e.g. "/completedAt", "/visits/1/at". */
  pointer: string;
  code: 'date.future' | 'date.notAfter';
  message: LocalizedText;
}

/** How far a time may lie ahead of the server's clock (a phone's clock running a little fast). */
const FUTURE_TOLERANCE_MS = 2 * 60_000;

type Data = Record<string, unknown>;

/** One "YYYY-MM-DD" formatter per time zone, kept (a few zones at most: the calendars'). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function localDay(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    if (dayFormats.size >= 32) dayFormats.clear();
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDateField = (node: RecordSchema | undefined) => node?.format === 'date' || node?.format === 'date-time';
const title = (node: RecordSchema | undefined, name: string, locale: 'zh-CN' | 'en') => node?.['x-title']?.[locale] || name;

/**
 * The date checks a form declares, on one record: a field marked `x-notFuture` may not lie after
 * now (a date: after today in the store's zone); a field with `x-after: "other"` may not be earlier
 * than that sibling field (same object or line) or equal to it when both are filled. Fields of repeating groups
 * are checked line by line and the message names the line. Empty fields are not checked (required
 * says that).
 */
export function checkDates(form: Pick<FormDefinition, 'schema'>, data: unknown, options: { now: Date; timeZone: string }): DateProblem[] {
  const problems: DateProblem[] = [];
  // Made only when a date field must not lie in the future (a formatter costs more than the whole check).
  let today: string | undefined;
  const checkObject = (schema: RecordSchema, value: Data, prefix: string, line: number | undefined) => {
    const properties = schema.properties ?? {};
    const where = line === undefined ? { zh: '', en: '' } : { zh: `第 ${line + 1} 行的`, en: ` (line ${line + 1})` };
    for (const [name, node] of Object.entries(properties)) {
      const v = value[name];
      if (node.type === 'array' && Array.isArray(v) && node.items && !Array.isArray(node.items)) {
        const item = node.items;
        v.forEach((entry, i) => {
          if (isObject(entry)) checkObject(item, entry, `${prefix}/${name}/${i}`, i);
        });
        continue;
      }
      if (node.type === 'object' && isObject(v)) {
        checkObject(node, v, `${prefix}/${name}`, line);
        continue;
      }
      if (!isDateField(node) || typeof v !== 'string' || v === '') continue;
      const at = parseInstant(v, options.timeZone);
      if (!at) continue; // the format check says so
      const zh = title(node, name, 'zh-CN');
      const en = title(node, name, 'en');
      if (node['x-notFuture'] === true) {
        const future =
          node.format === 'date'
            ? v > (today ??= localDay(options.now, options.timeZone))
            : at.getTime() > options.now.getTime() + FUTURE_TOLERANCE_MS;
        if (future)
          problems.push({
            pointer: `${prefix}/${name}`,
            code: 'date.future',
            message: {
              'zh-CN': `${where.zh}“${zh}”不能晚于${node.format === 'date' ? '今天' : '现在'}`,
              en: `${en}${where.en} cannot be later than ${node.format === 'date' ? 'today' : 'now'}`,
            },
          });
      }
      const after = typeof node['x-after'] === 'string' ? node['x-after'] : undefined;
      if (after !== undefined) {
        const other = properties[after];
        const otherAt = parseInstant(value[after], options.timeZone);
        if (other && otherAt && at.getTime() < otherAt.getTime())
          problems.push({
            pointer: `${prefix}/${name}`,
            code: 'date.notAfter',
            message: {
              'zh-CN': `${where.zh}“${zh}”不能早于“${title(other, after, 'zh-CN')}”`,
              en: `${en}${where.en} cannot be earlier than ${title(other, after, 'en')}`,
            },
          });
      }
    }
  };
  if (isObject(data)) checkObject(form.schema, data, '', undefined);
  return problems;
}
