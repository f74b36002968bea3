import {
  describeExpr,
  pickText,
  STATUS_FACT,
  type DerivedFact,
  type FormDefinition,
  type HistoryFilter,
  type Locale,
  type RecordSchema,
} from '@aftersales/engine';

/** What a fact's description names things by: the fields of the forms it reads, calendars and forms by their names. */
export interface FactWordsContext {
  /** The rule set's form. */
  form: FormDefinition;
  /** Another form (a history fact's counted form, a link's target), when loaded. */
  formOf?: (id: string) => FormDefinition | undefined;
  calendarLabel: (id: string) => string;
  /** A fact of the rule set (a computed fact's operand, a filter comparing with this record) by its words. */
  factLabel: (name: string) => string;
}

const W = {
  'zh-CN': {
    units: { workingHours: '工作小时数', workingDays: '工作日数', hours: '小时数', days: '天数' },
    elapsed: '从“{from}”到“{to}”的{unit}',
    now: '现在',
    calendar: '（日历：{c}）',
    week: '本周',
    month: '本月',
    lastDays: '近 {n} 天',
    count: '{window}“{form}”的记录数',
    sum: '{window}“{form}”的“{field}”合计',
    where: '，其中',
    and: '且',
    notSelf: '（不含本记录）',
    own: '本记录的“{f}”',
    linked: '“{link}”关联记录的“{value}”',
    status: '状态',
    missing: '已不存在的字段',
    missingForm: '已不存在的表单',
    empty: '（空）',
  },
  en: {
    units: { workingHours: 'working hours', workingDays: 'working days', hours: 'hours', days: 'days' },
    elapsed: '{unit} from "{from}" to "{to}"',
    now: 'now',
    calendar: ' (calendar: {c})',
    week: 'this week',
    month: 'this month',
    lastDays: 'in the last {n} days',
    count: 'number of "{form}" records {window}',
    sum: 'total "{field}" of "{form}" records {window}',
    where: ', where ',
    and: ' and ',
    notSelf: ' (not counting this record)',
    own: 'this record\'s "{f}"',
    linked: '"{value}" of the record linked by "{link}"',
    status: 'Status',
    missing: 'a field no longer on the form',
    missingForm: 'a form that no longer exists',
    empty: '(empty)',
  },
};

const OPS: Record<HistoryFilter['op'], string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };

const fill = (template: string, parts: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(parts[k] ?? ''));

/** The schema node of a field (dot path, into groups and lines), if the form has it. */
function fieldNode(form: FormDefinition | undefined, path: string): RecordSchema | undefined {
  let node: RecordSchema | undefined = form?.schema;
  for (const key of path.split('.')) {
    node = node?.properties?.[key] ?? (node?.items && !Array.isArray(node.items) ? node.items.properties?.[key] : undefined);
    if (!node) return undefined;
  }
  return node;
}

/** A field of a form by its label ("客户 / 电话" inside a group), or "a field no longer on the form", never its key. */
export function fieldWords(form: FormDefinition | undefined, path: string, locale: Locale): string {
  const labels: string[] = [];
  let node: RecordSchema | undefined = form?.schema;
  for (const key of path.split('.')) {
    node = node?.properties?.[key] ?? (node?.items && !Array.isArray(node.items) ? node.items.properties?.[key] : undefined);
    if (!node) return W[locale].missing;
    const title = node['x-title'];
    labels.push(title ? pickText(title, locale) : W[locale].missing);
  }
  return labels.join(' / ');
}

/** A value compared in a history filter: an option by its label, a fact of this record by its name, empty in words. */
function valueWords(value: unknown, node: RecordSchema | undefined, context: FactWordsContext, locale: Locale): string {
  if (value && typeof value === 'object' && 'fact' in value && typeof value.fact === 'string')
    return fill(W[locale].own, { f: context.factLabel(value.fact) });
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value !== 'string' && typeof value !== 'number') return W[locale].empty;
  if (value === '') return W[locale].empty;
  const option = node?.['x-enumTitles']?.[String(value)];
  return option ? pickText(option, locale) : String(value);
}

/**
 * What a derived fact is, in one phrase: "从“来电时间”到“到达时间”的工作小时数", a formula, "本月“服务记录”的
 * 记录数，其中“服务顾问” = 本记录的“服务顾问”", "“服务单”关联记录的“状态”". Never a code.
 */
export function factInWords(fact: DerivedFact, context: FactWordsContext, locale: Locale): string {
  const w = W[locale];
  const own = (path: string) => fieldWords(context.form, path, locale);
  switch (fact.kind) {
    case 'computed':
      return describeExpr(fact.value, context.factLabel, locale);
    case 'history': {
      const { query } = fact;
      const target = query.form ? context.formOf?.(query.form) : context.form;
      const formName = target ? pickText(target.title, locale) : w.missingForm;
      const window = query.window.unit === 'days' ? fill(w.lastDays, { n: query.window.amount ?? 0 }) : w[query.window.unit];
      const head =
        query.aggregate === 'sum'
          ? fill(w.sum, { window, form: formName, field: fieldWords(target, query.field ?? '', locale) })
          : fill(w.count, { window, form: formName });
      const quote = (text: string) => (locale === 'zh-CN' ? `“${text}”` : `"${text}"`);
      const filters = (query.where ?? []).map(
        (f) =>
          `${quote(fieldWords(target, f.field, locale))} ${OPS[f.op]} ${valueWords(f.value, fieldNode(target, f.field), context, locale)}`,
      );
      const where = filters.length > 0 ? `${w.where}${filters.join(w.and)}` : '';
      return `${head}${where}${query.includeSelf === false ? w.notSelf : ''}`;
    }
    case 'linked': {
      const link = context.form.schema.properties?.[fact.field];
      const targetId = link?.['x-linkForm'];
      const target = typeof targetId === 'string' ? context.formOf?.(targetId) : undefined;
      const value = fact.path === STATUS_FACT ? w.status : fieldWords(target, fact.path, locale);
      return fill(w.linked, { link: own(fact.field), value });
    }
    case 'workingHours':
    case 'workingDays':
    case 'hours':
    case 'days': {
      const elapsed = fill(w.elapsed, { from: own(fact.from), to: fact.to ? own(fact.to) : w.now, unit: w.units[fact.kind] });
      return fact.calendar ? `${elapsed}${fill(w.calendar, { c: context.calendarLabel(fact.calendar) })}` : elapsed;
    }
  }
}
