import type { RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import type { Locale, LocalizedText } from '@aftersales/engine';

type Params = Record<string, unknown>;
type Words = (params: Params, node: RJSFSchema | undefined) => string | null;

const FORMAT_NAMES: Record<string, LocalizedText> = {
  'date-time': { 'zh-CN': '日期和时间', en: 'a date and time' },
  date: { 'zh-CN': '日期（年-月-日）', en: 'a date (year-month-day)' },
  time: { 'zh-CN': '时间（时:分）', en: 'a time (hours:minutes)' },
  email: { 'zh-CN': '电子邮箱地址', en: 'an email address' },
  uri: { 'zh-CN': '网址', en: 'a web address' },
  'uri-reference': { 'zh-CN': '链接或文件', en: 'a link or file' },
};

/** "at most two decimals" for 0.01, "a whole number" for 1, "a multiple of 5" otherwise. */
function multipleOf(step: number, locale: Locale): string {
  const decimals = Math.round(-Math.log10(step));
  if (step < 1 && Math.abs(10 ** -decimals - step) < 1e-12)
    return locale === 'en' ? `at most ${['no', 'one', 'two', 'three', 'four'][decimals] ?? decimals} decimals` : `最多 ${decimals} 位小数`;
  if (step === 1) return locale === 'en' ? 'must be a whole number' : '必须是整数';
  return locale === 'en' ? `must be a multiple of ${step}` : `必须是 ${step} 的倍数`;
}

const S = (p: Params, name: string) => String(p[name]);

/** Every keyword the form builder emits, in plain words; null: the error is not shown on its own (if: the failing then-clause is). */
const WORDS: Record<Locale, Record<string, Words>> = {
  'zh-CN': {
    required: () => '必填',
    minimum: (p) => `不能小于 ${S(p, 'limit')}`,
    maximum: (p) => `不能大于 ${S(p, 'limit')}`,
    exclusiveMinimum: (p) => `必须大于 ${S(p, 'limit')}`,
    exclusiveMaximum: (p) => `必须小于 ${S(p, 'limit')}`,
    minLength: (p) => `至少 ${S(p, 'limit')} 个字`,
    maxLength: (p) => `最多 ${S(p, 'limit')} 个字`,
    minItems: (p) => `至少 ${S(p, 'limit')} 项`,
    maxItems: (p) => `最多 ${S(p, 'limit')} 项`,
    pattern: (_, node) => (node?.['x-kind'] === 'phone' ? '应为 11 位手机号或带区号的座机号（如 0571-88886666）' : '格式不正确'),
    format: (p) => `请填写正确的${FORMAT_NAMES[S(p, 'format')]?.['zh-CN'] ?? '格式'}`,
    type: (p) =>
      ({ integer: '请填写整数，如 3', number: '请填写数字，如 12.5', boolean: '请选择是或否', array: '请添加内容' })[S(p, 'type')] ??
      '请重新填写',
    enum: () => '请从选项中选择',
    uniqueItems: () => '不能有重复项',
    multipleOf: (p) => multipleOf(Number(p.multipleOf), 'zh-CN'),
    const: () => '请按要求填写',
    additionalProperties: () => '有表单中没有的内容',
    if: () => null,
    not: () => '不符合填写条件',
    anyOf: () => '不符合任何一种填写方式',
    oneOf: () => '不符合填写方式',
    dependencies: () => '还需要填写相关字段',
  },
  en: {
    required: () => 'is required',
    minimum: (p) => `must be at least ${S(p, 'limit')}`,
    maximum: (p) => `must be at most ${S(p, 'limit')}`,
    exclusiveMinimum: (p) => `must be more than ${S(p, 'limit')}`,
    exclusiveMaximum: (p) => `must be less than ${S(p, 'limit')}`,
    minLength: (p) => `needs at least ${S(p, 'limit')} characters`,
    maxLength: (p) => `takes at most ${S(p, 'limit')} characters`,
    minItems: (p) => `needs at least ${S(p, 'limit')} lines`,
    maxItems: (p) => `takes at most ${S(p, 'limit')} lines`,
    pattern: (_, node) =>
      node?.['x-kind'] === 'phone'
        ? 'must be an 11-digit mobile number or a landline with its area code (0571-88886666)'
        : 'is not in the right format',
    format: (p) => `must be ${FORMAT_NAMES[S(p, 'format')]?.en ?? 'in the right format'}`,
    type: (p) =>
      ({
        integer: 'must be a whole number, e.g. 3',
        number: 'must be a number, e.g. 12.5',
        boolean: 'choose yes or no',
        array: 'add something',
      })[S(p, 'type')] ?? 'fill it in again',
    enum: () => 'choose one of the options',
    uniqueItems: () => 'has the same item twice',
    multipleOf: (p) => multipleOf(Number(p.multipleOf), 'en'),
    const: () => 'is not the expected value',
    additionalProperties: () => 'has something the form does not ask for',
    if: () => null,
    not: () => 'does not fit the conditions',
    anyOf: () => 'fits none of the ways to fill it in',
    oneOf: () => 'does not fit the way to fill it in',
    dependencies: () => 'needs its related fields filled in too',
  },
};

/**
 * The field an error is about (RJSF's `property`: ".customer.name", ".parts.0.qty"), in the schema
 * rendered: its title and its own message for a pattern (`x-errorMessage`, both languages).
 */
function nodeAt(schema: RJSFSchema, property: string | undefined): RJSFSchema | undefined {
  let node: RJSFSchema | undefined = schema;
  for (const segment of (property ?? '').split('.').filter(Boolean)) {
    const items: unknown = node?.items;
    const next: unknown =
      /^\d+$/.test(segment) && items && typeof items === 'object' && !Array.isArray(items) ? items : node?.properties?.[segment];
    node = next && typeof next === 'object' ? next : undefined;
  }
  return node === schema ? undefined : node;
}

/** The innermost repeating group an error's field sits in, and its line (from 0). */
function lineOf(schema: RJSFSchema, property: string | undefined): { title: string; index: number } | undefined {
  let node: RJSFSchema | undefined = schema;
  let found: { title: string; index: number } | undefined;
  for (const segment of (property ?? '').split('.').filter(Boolean)) {
    const items: unknown = node?.items;
    if (/^\d+$/.test(segment) && items && typeof items === 'object' && !Array.isArray(items)) {
      found = { title: String(node?.title ?? ''), index: Number(segment) };
      node = items;
      continue;
    }
    const next: unknown = node?.properties?.[segment];
    node = next && typeof next === 'object' ? next : undefined;
  }
  return found && found.title ? found : undefined;
}

/** The admin's own message of a field (a pattern's "请填写 11 位手机号"), in the language shown. */
function ownMessage(node: RJSFSchema | undefined, locale: Locale): string | undefined {
  const own: unknown = node?.['x-errorMessage'];
  if (typeof own === 'string') return own || undefined;
  if (own && typeof own === 'object') {
    const text = own as Partial<LocalizedText>;
    return text[locale] || text[locale === 'en' ? 'zh-CN' : 'en'] || undefined;
  }
  return undefined;
}

/**
 * The validator's (ajv's English) messages in plain words in the person's language, each named by
 * its field's label: every keyword the form builder emits; a pattern says the admin's own message
 * when set; an `if` is said by the failing then-clause (ajv reports both, the `if` is dropped).
 */
export function translateErrors(errors: RJSFValidationError[], locale: Locale, schema: RJSFSchema): RJSFValidationError[] {
  return errors.flatMap((error) => {
    const node = nodeAt(schema, error.property);
    const label = error.title || node?.title;
    const words = error.name ? WORDS[locale][error.name] : undefined;
    const own = error.name === 'pattern' || error.name === 'format' ? ownMessage(node, locale) : undefined;
    const message =
      own ?? (words ? words((error.params ?? {}) as Params, node) : locale === 'en' ? 'is not filled in correctly' : '填写不正确');
    if (message === null) return [];
    // A field of a repeating group says which line ("“使用配件”第 2 行的“数量”").
    const line = lineOf(schema, error.property);
    const named = label
      ? line
        ? locale === 'en'
          ? `${label} (${line.title}, line ${line.index + 1})`
          : `“${line.title}”第 ${line.index + 1} 行的“${label}”`
        : locale === 'en'
          ? label
          : `“${label}”`
      : '';
    const stack = named ? (locale === 'en' ? `${named}: ${message}` : `${named} ${message}`) : message;
    return [{ ...error, message, stack, ...(label ? { title: label } : {}) }];
  });
}
