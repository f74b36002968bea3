import { formatLocalDate, formatLocalTime, localYear, pickText, type LocalizedText, type RecordSchema } from '@aftersales/engine';

/** One field that differs between two versions of a record's data, in words people read. */
export interface FieldChange {
  /** JSON pointer of the field in the record data. */
  pointer: string;
  /** The field's label ("客户 · 电话" for a nested field). */
  label: LocalizedText;
  before: LocalizedText;
  after: LocalizedText;
}

const EMPTY: LocalizedText = { 'zh-CN': '（空）', en: '(empty)' };

/**
 * The fields that changed from `before` to `after` (an approval's data when it was asked, and the
 * record's data now), by their labels, with both values in plain words. Nested objects are
 * compared field by field; a list is one value.
 */
export function changesSince(
  schema: RecordSchema,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  options: { timeZone?: string; now?: string } = {},
): FieldChange[] {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const when: When = { timeZone, ...(options.now ? { now: options.now } : {}) };
  const changes: FieldChange[] = [];
  const walk = (node: RecordSchema | undefined, a: unknown, b: unknown, pointer: string, label: LocalizedText | null): void => {
    const record = (v: unknown) => isObject(v) && !Array.isArray(v);
    const absent = (v: unknown) => v === undefined || v === null;
    if ((record(a) || absent(a)) && (record(b) || absent(b)) && (record(a) || record(b))) {
      const left = (a ?? {}) as Record<string, unknown>;
      const right = (b ?? {}) as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(node?.properties ?? {}), ...Object.keys(left), ...Object.keys(right)])];
      for (const key of keys) {
        const child = node?.properties?.[key];
        const own = child?.['x-title'] ?? { 'zh-CN': key, en: key };
        walk(child, left[key], right[key], `${pointer}/${escape(key)}`, label ? joinLabels(label, own) : own);
      }
      return;
    }
    if (same(a, b)) return;
    changes.push({
      pointer,
      label: label ?? { 'zh-CN': '记录', en: 'Record' },
      before: words(node, a, when),
      after: words(node, b, when),
    });
  };
  walk(schema, before, after, '', null);
  return changes;
}

/** The stores' zone, and now (dates of this year leave the year out). */
interface When {
  timeZone: string;
  now?: string;
}

/** A field value in words: an option's label, 是/否, a local time or date, an amount in yuan, a list's items. */
function words(node: RecordSchema | undefined, value: unknown, when: When): LocalizedText {
  if (value === undefined || value === null || value === '') return EMPTY;
  const titles = node?.['x-enumTitles'];
  if (titles && Object.prototype.hasOwnProperty.call(titles, enumKey(value))) return titles[enumKey(value)]!;
  if (typeof value === 'boolean') return value ? { 'zh-CN': '是', en: 'Yes' } : { 'zh-CN': '否', en: 'No' };
  if (typeof value === 'string' && node?.format === 'date-time' && !Number.isNaN(Date.parse(value)))
    return { 'zh-CN': formatLocalTime(value, 'zh-CN', when), en: formatLocalTime(value, 'en', when) };
  if (typeof value === 'string' && node?.format === 'date') {
    const year = when.now ? { year: localYear(when.now, when.timeZone) } : undefined;
    return { 'zh-CN': formatLocalDate(value, 'zh-CN', year), en: formatLocalDate(value, 'en', year) };
  }
  if (typeof value === 'number' && node?.['x-kind'] === 'money') {
    const yuan = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(value);
    return { 'zh-CN': yuan('zh-CN'), en: yuan('en-US') };
  }
  if (Array.isArray(value)) {
    const item = Array.isArray(node?.items) ? undefined : node?.items;
    if (value.every((v) => !isObject(v))) {
      const parts = value.map((v) => words(item, v, when));
      return { 'zh-CN': parts.map((p) => p['zh-CN']).join('、'), en: parts.map((p) => p.en).join(', ') };
    }
    return { 'zh-CN': `${value.length} 项`, en: `${value.length} item${value.length === 1 ? '' : 's'}` };
  }
  if (isObject(value)) return { 'zh-CN': '（已填写）', en: '(filled in)' };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { 'zh-CN': text, en: text };
}

function joinLabels(parent: LocalizedText, child: LocalizedText): LocalizedText {
  return {
    'zh-CN': `${pickText(parent, 'zh-CN')} · ${pickText(child, 'zh-CN')}`,
    en: `${pickText(parent, 'en')} · ${pickText(child, 'en')}`,
  };
}

function same(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The key of an option in `x-enumTitles` (the engine's rule: the string itself, JSON text otherwise). */
function enumKey(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
