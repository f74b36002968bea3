import {
  describeExpr,
  pickText,
  ruleSentence,
  conditionSentence,
  outcomeSentence,
  type DerivedFact,
  type Expr,
  type FormDefinition,
  type Locale,
  type LocalizedText,
  type RecordSchema,
  type RuleDefinition,
  type RuleSetFile,
  type SentenceContext,
} from '@aftersales/engine';
import { factInWords, fieldWords, type FactWordsContext } from './factInWords';

/** One change between two versions, in words: what it is about (a rule, a field...) and what changed. */
export interface ChangeLine {
  subject: string;
  kind: 'added' | 'removed' | 'changed';
  details: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const W = {
  'zh-CN': {
    rule: '规则“{t}”',
    fact: '事实“{t}”',
    shared: '共享条件“{t}”',
    field: '字段“{t}”',
    status: '状态“{t}”',
    transition: '流转“{a}”→“{b}”',
    title: '名称：{a} → {b}',
    conditions: '条件：{a} → {b}',
    outcome: '结果：{a} → {b}',
    enabled: '启用',
    disabled: '停用',
    priority: '优先级：{a} → {b}',
    formula: '公式：{a} → {b}',
    changedContent: '内容有改动',
    definition: '定义：{a} → {b}',
    untitledFact: '第 {n} 个事实',
    untitledShared: '共享条件 {n}',
    linkForm: '关联表单：{a} → {b}',
    computedBy: '公式：{f}',
    linksTo: '关联表单：{f}',
    formulaOn: '改为按公式计算：{f}',
    formulaOff: '不再按公式计算（原公式：{f}）',
    label: '标签：{a} → {b}',
    required: '改为必填',
    optional: '改为选填',
    type: '类型：{a} → {b}',
    optionsAdded: '新增选项：{list}',
    optionsRemoved: '删除选项：{list}',
    bounds: '取值范围：{a} → {b}',
    calendar: '默认日历：{a} → {b}',
    tests: '测试用例：{a} 个 → {b} 个',
    form: '表单名称：{a} → {b}',
    untitledRule: '规则 {n}',
    untitledField: '（未命名字段）',
    none: '（无）',
    sep: '、',
  },
  en: {
    rule: 'Rule "{t}"',
    fact: 'Fact "{t}"',
    shared: 'Shared condition "{t}"',
    field: 'Field "{t}"',
    status: 'Status "{t}"',
    transition: 'Move "{a}" → "{b}"',
    title: 'name: {a} → {b}',
    conditions: 'conditions: {a} → {b}',
    outcome: 'outcome: {a} → {b}',
    enabled: 'switched on',
    disabled: 'switched off',
    priority: 'priority: {a} → {b}',
    formula: 'formula: {a} → {b}',
    changedContent: 'content changed',
    definition: 'definition: {a} → {b}',
    untitledFact: 'Fact {n}',
    untitledShared: 'Shared condition {n}',
    linkForm: 'linked form: {a} → {b}',
    computedBy: 'formula: {f}',
    linksTo: 'links to "{f}"',
    formulaOn: 'now computed: {f}',
    formulaOff: 'no longer computed (was: {f})',
    label: 'label: {a} → {b}',
    required: 'now required',
    optional: 'now optional',
    type: 'type: {a} → {b}',
    optionsAdded: 'options added: {list}',
    optionsRemoved: 'options removed: {list}',
    bounds: 'range: {a} → {b}',
    calendar: 'default calendar: {a} → {b}',
    tests: 'test cases: {a} → {b}',
    form: 'form name: {a} → {b}',
    untitledRule: 'Rule {n}',
    untitledField: '(unnamed field)',
    none: '(none)',
    sep: ', ',
  },
};

const fill = (template: string, parts: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(parts[k] ?? ''));

/**
 * How two versions of a rule set differ, rule by rule (added, removed, and for a changed rule its
 * name, conditions and outcome as sentences), then its facts, shared conditions, calendar and tests.
 */
export function ruleSetChanges(
  before: RuleSetFile,
  after: RuleSetFile,
  context: {
    form: FormDefinition;
    roleLabel: SentenceContext['roleLabel'];
    calendarLabel: (id: string) => string;
    /** Other forms the facts read (a history fact's counted form, a link's target), when loaded. */
    formOf?: (id: string) => FormDefinition | undefined;
  },
  locale: Locale,
): ChangeLine[] {
  const w = W[locale];
  const out: ChangeLine[] = [];
  const ctxOf = (file: RuleSetFile): SentenceContext => ({ form: context.form, ruleSet: file, roleLabel: context.roleLabel });
  const title = (r: RuleDefinition) =>
    pickText(r.title, locale) || fill(w.untitledRule, { n: (after.rules.includes(r) ? after.rules : before.rules).indexOf(r) + 1 });
  const safe = (f: () => string) => {
    try {
      return f();
    } catch {
      return w.changedContent;
    }
  };
  const beforeRules = new Map(before.rules.map((r) => [r.name, r]));
  const afterRules = new Map(after.rules.map((r) => [r.name, r]));
  for (const rule of after.rules) {
    const old = beforeRules.get(rule.name);
    const subject = fill(w.rule, { t: title(rule) });
    if (!old) {
      out.push({ subject, kind: 'added', details: [safe(() => ruleSentence(rule, ctxOf(after), locale))] });
      continue;
    }
    if (same(old, rule)) continue;
    const details: string[] = [];
    if (!same(old.title, rule.title)) details.push(fill(w.title, { a: title(old), b: title(rule) }));
    if ((old.enabled !== false) !== (rule.enabled !== false)) details.push(rule.enabled === false ? w.disabled : w.enabled);
    if (old.priority !== rule.priority) details.push(fill(w.priority, { a: old.priority ?? 1, b: rule.priority ?? 1 }));
    if (!same(old.conditions, rule.conditions))
      details.push(
        fill(w.conditions, {
          a: safe(() => conditionSentence(old.conditions, ctxOf(before), locale)),
          b: safe(() => conditionSentence(rule.conditions, ctxOf(after), locale)),
        }),
      );
    if (!same(old.event, rule.event))
      details.push(
        fill(w.outcome, {
          a: safe(() => outcomeSentence(old.event, ctxOf(before), locale)),
          b: safe(() => outcomeSentence(rule.event, ctxOf(after), locale)),
        }),
      );
    if (details.length === 0) details.push(w.changedContent);
    out.push({ subject, kind: 'changed', details });
  }
  for (const rule of before.rules)
    if (!afterRules.has(rule.name)) out.push({ subject: fill(w.rule, { t: title(rule) }), kind: 'removed', details: [] });

  // Facts and shared conditions are named by their words; one without words by its place ("事实 3").
  const factName = (file: RuleSetFile, name: string) => {
    const fact = file.facts?.[name];
    const n = Object.keys(file.facts ?? {}).indexOf(name) + 1;
    return (fact && pickText(fact.label, locale)) || fill(w.untitledFact, { n });
  };
  // "事实“来电至今”", or "第 3 个事实" for one without a name (as the facts tab names it).
  const factSubject = (file: RuleSetFile, name: string) => {
    const fact = file.facts?.[name];
    return fact && pickText(fact.label, locale) ? fill(w.fact, { t: pickText(fact.label, locale) }) : factName(file, name);
  };
  const wordsContext = (file: RuleSetFile): FactWordsContext => ({
    form: context.form,
    calendarLabel: context.calendarLabel,
    factLabel: (fact) => (file.facts?.[fact] ? factName(file, fact) : fieldWords(context.form, fact, locale)),
    ...(context.formOf ? { formOf: context.formOf } : {}),
  });
  const factWords = (file: RuleSetFile, fact: DerivedFact) => safe(() => factInWords(fact, wordsContext(file), locale));
  for (const [name, fact] of Object.entries(after.facts ?? {})) {
    const old = before.facts?.[name];
    const subject = factSubject(after, name);
    if (!old) out.push({ subject, kind: 'added', details: [factWords(after, fact)] });
    else if (!same(old, fact)) {
      const details: string[] = [];
      if (!same(old.label, fact.label)) details.push(fill(w.label, { a: factName(before, name), b: factName(after, name) }));
      const [a, b] = [factWords(before, old), factWords(after, fact)];
      if (a !== b) details.push(fill(old.kind === 'computed' && fact.kind === 'computed' ? w.formula : w.definition, { a, b }));
      out.push({ subject, kind: 'changed', details: details.length > 0 ? details : [w.changedContent] });
    }
  }
  for (const name of Object.keys(before.facts ?? {}))
    if (!after.facts?.[name]) out.push({ subject: factSubject(before, name), kind: 'removed', details: [] });
  const sharedName = (file: RuleSetFile, name: string) => {
    const title = file.conditionTitles?.[name];
    return title && Object.hasOwn(file.conditionTitles ?? {}, name)
      ? pickText(title, locale)
      : fill(w.untitledShared, { n: Object.keys(file.conditions ?? {}).indexOf(name) + 1 });
  };
  for (const [name, condition] of Object.entries(after.conditions ?? {})) {
    const old = before.conditions?.[name];
    if (old && same(old, condition) && same(before.conditionTitles?.[name], after.conditionTitles?.[name])) continue;
    const details: string[] = [];
    if (old && !same(before.conditionTitles?.[name], after.conditionTitles?.[name]))
      details.push(fill(w.title, { a: sharedName(before, name), b: sharedName(after, name) }));
    if (!old || !same(old, condition))
      details.push(
        old
          ? fill(w.conditions, {
              a: safe(() => conditionSentence(old, ctxOf(before), locale)),
              b: safe(() => conditionSentence(condition, ctxOf(after), locale)),
            })
          : safe(() => conditionSentence(condition, ctxOf(after), locale)),
      );
    out.push({ subject: fill(w.shared, { t: sharedName(after, name) }), kind: old ? 'changed' : 'added', details });
  }
  for (const name of Object.keys(before.conditions ?? {}))
    if (!after.conditions?.[name]) out.push({ subject: fill(w.shared, { t: sharedName(before, name) }), kind: 'removed', details: [] });
  if (before.calendar !== after.calendar)
    out.push({
      subject: fill(w.calendar, {
        a: before.calendar ? context.calendarLabel(before.calendar) : w.none,
        b: after.calendar ? context.calendarLabel(after.calendar) : w.none,
      }),
      kind: 'changed',
      details: [],
    });
  const tests = (f: RuleSetFile) => f.tests?.length ?? 0;
  if (!same(before.tests ?? [], after.tests ?? []))
    out.push({ subject: fill(w.tests, { a: tests(before), b: tests(after) }), kind: 'changed', details: [] });
  return out;
}

interface FieldSnapshot {
  label: string;
  type: string;
  required: boolean;
  options: { value: string; label: string }[];
  bounds: string;
  /** A computed field's formula in words. */
  formula?: string;
  /** A link field's form, by its name. */
  linkForm?: string;
}

function fields(form: FormDefinition, locale: Locale, formLabel: (id: string) => string, untitled: string): Map<string, FieldSnapshot> {
  const out = new Map<string, FieldSnapshot>();
  const walk = (node: RecordSchema, prefix: string, labels: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const title = child['x-title'];
      const own = (title && pickText(title, locale)) || untitled;
      const label = [...labels, own].join(' / ');
      const type = child['x-kind'] ?? [child.type, child.format].filter(Boolean).join(':');
      const titles = child['x-enumTitles'] ?? {};
      // A formula on a line reads the line's fields first, then the record's (as the engine does).
      const operand = (name: string) => (prefix && !name.includes('.') && node.properties?.[name] ? `${prefix}.${name}` : name);
      const formula = child['x-formula'];
      const formulaWords =
        formula === undefined ? undefined : formulaInWords(formula, (name) => fieldWords(form, operand(name), locale), locale);
      out.set(path, {
        label,
        type,
        required: node.required?.includes(key) ?? false,
        options: (child.enum ?? []).map((v) => ({ value: JSON.stringify(v), label: titles[String(v)]?.[locale] ?? String(v) })),
        bounds: [child.minimum, child.maximum].map((b) => (typeof b === 'number' ? String(b) : '')).join('–'),
        ...(formulaWords !== undefined ? { formula: formulaWords } : {}),
        ...(typeof child['x-linkForm'] === 'string' ? { linkForm: formLabel(child['x-linkForm']) } : {}),
      });

      if (child.properties) walk(child, path, [...labels, own]);
      if (child.items && !Array.isArray(child.items) && child.items.properties) walk(child.items, path, [...labels, own]);
    }
  };
  walk(form.schema, '', []);
  return out;
}

function formulaInWords(formula: unknown, label: (name: string) => string, locale: Locale): string | undefined {
  try {
    return describeExpr(formula as Expr, label, locale);
  } catch {
    return undefined;
  }
}

const TYPE_WORDS: Record<string, LocalizedText> = {
  string: { 'zh-CN': '文本', en: 'text' },
  'string:date': { 'zh-CN': '日期', en: 'date' },
  'string:date-time': { 'zh-CN': '日期时间', en: 'date and time' },
  number: { 'zh-CN': '数字', en: 'number' },
  integer: { 'zh-CN': '整数', en: 'whole number' },
  boolean: { 'zh-CN': '是/否', en: 'yes/no' },
  array: { 'zh-CN': '列表', en: 'list' },
  object: { 'zh-CN': '分组', en: 'group' },
  longText: { 'zh-CN': '长文本', en: 'long text' },
  money: { 'zh-CN': '金额（元）', en: 'amount (yuan)' },
  phone: { 'zh-CN': '电话', en: 'phone' },
  address: { 'zh-CN': '地址', en: 'address' },
  photo: { 'zh-CN': '照片', en: 'photo' },
  file: { 'zh-CN': '文件', en: 'file' },
  person: { 'zh-CN': '人员', en: 'person' },
  store: { 'zh-CN': '门店', en: 'store' },
  signature: { 'zh-CN': '签名', en: 'signature' },
  link: { 'zh-CN': '关联记录', en: 'linked record' },
};
const OTHER_TYPE: LocalizedText = { 'zh-CN': '其他', en: 'other' };

/** How two versions of a form differ, field by field (added, removed; label, type, required, options, range), then its statuses. */
export function formChanges(
  before: FormDefinition,
  after: FormDefinition,
  locale: Locale,
  context: { formLabel?: (id: string) => string } = {},
): ChangeLine[] {
  const w = W[locale];
  const out: ChangeLine[] = [];
  if (!same(before.title, after.title))
    out.push({ subject: fill(w.form, { a: before.title[locale], b: after.title[locale] }), kind: 'changed', details: [] });
  const formLabel = context.formLabel ?? (() => w.none);
  const a = fields(before, locale, formLabel, w.untitledField);
  const b = fields(after, locale, formLabel, w.untitledField);
  const typeWord = (t: string) => (TYPE_WORDS[t] ?? OTHER_TYPE)[locale];
  for (const [path, field] of b) {
    const old = a.get(path);
    const subject = fill(w.field, { t: field.label });
    if (!old) {
      out.push({
        subject,
        kind: 'added',
        details: [
          typeWord(field.type),
          ...(field.linkForm ? [fill(w.linksTo, { f: field.linkForm })] : []),
          ...(field.required ? [w.required] : []),
          ...(field.formula ? [fill(w.computedBy, { f: field.formula })] : []),
        ],
      });
      continue;
    }
    const details: string[] = [];
    if (old.label !== field.label) details.push(fill(w.label, { a: old.label, b: field.label }));
    if (old.type !== field.type) details.push(fill(w.type, { a: typeWord(old.type), b: typeWord(field.type) }));
    if (old.required !== field.required) details.push(field.required ? w.required : w.optional);
    const added = field.options.filter((o) => !old.options.some((x) => x.value === o.value));
    const removed = old.options.filter((o) => !field.options.some((x) => x.value === o.value));
    if (added.length > 0) details.push(fill(w.optionsAdded, { list: added.map((o) => o.label).join(w.sep) }));
    if (removed.length > 0) details.push(fill(w.optionsRemoved, { list: removed.map((o) => o.label).join(w.sep) }));
    if (old.bounds !== field.bounds) details.push(fill(w.bounds, { a: old.bounds || w.none, b: field.bounds || w.none }));
    if (old.linkForm !== field.linkForm) details.push(fill(w.linkForm, { a: old.linkForm ?? w.none, b: field.linkForm ?? w.none }));
    if (old.formula !== field.formula)
      details.push(
        old.formula === undefined
          ? fill(w.formulaOn, { f: field.formula! })
          : field.formula === undefined
            ? fill(w.formulaOff, { f: old.formula })
            : fill(w.formula, { a: old.formula, b: field.formula }),
      );
    if (details.length > 0) out.push({ subject, kind: 'changed', details });
  }
  for (const [path, field] of a) if (!b.has(path)) out.push({ subject: fill(w.field, { t: field.label }), kind: 'removed', details: [] });
  const states = (f: FormDefinition) => new Map((f.statusFlow?.states ?? []).map((s) => [s.id, s.label[locale]]));
  const sa = states(before);
  const sb = states(after);
  for (const [id, label] of sb) {
    if (!sa.has(id)) out.push({ subject: fill(w.status, { t: label }), kind: 'added', details: [] });
    else if (sa.get(id) !== label)
      out.push({ subject: fill(w.status, { t: label }), kind: 'changed', details: [fill(w.label, { a: sa.get(id)!, b: label })] });
  }
  for (const [id, label] of sa) if (!sb.has(id)) out.push({ subject: fill(w.status, { t: label }), kind: 'removed', details: [] });
  const moves = (f: FormDefinition, s: Map<string, string>) =>
    new Set((f.statusFlow?.transitions ?? []).map((t) => fill(w.transition, { a: s.get(t.from) ?? t.from, b: s.get(t.to) ?? t.to })));
  const ma = moves(before, sa);
  const mb = moves(after, sb);
  for (const m of mb) if (!ma.has(m)) out.push({ subject: m, kind: 'added', details: [] });
  for (const m of ma) if (!mb.has(m)) out.push({ subject: m, kind: 'removed', details: [] });
  return out;
}
