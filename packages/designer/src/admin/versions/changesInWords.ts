import {
  describeExpr,
  ruleSentence,
  conditionSentence,
  outcomeSentence,
  type FormDefinition,
  type Locale,
  type LocalizedText,
  type RecordSchema,
  type RuleDefinition,
  type RuleSetFile,
  type SentenceContext,
} from '@aftersales/engine';

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
  context: { form: FormDefinition; roleLabel: SentenceContext['roleLabel']; calendarLabel: (id: string) => string },
  locale: Locale,
): ChangeLine[] {
  const w = W[locale];
  const out: ChangeLine[] = [];
  const ctxOf = (file: RuleSetFile): SentenceContext => ({ form: context.form, ruleSet: file, roleLabel: context.roleLabel });
  const title = (r: RuleDefinition) => r.title[locale] || r.name;
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

  const factLabel = (f: { label: LocalizedText } | undefined, name: string) => f?.label[locale] || name;
  const label = (file: RuleSetFile) => (fact: string) => ctxOfLabel(context.form, file, fact, locale);
  for (const [name, fact] of Object.entries(after.facts ?? {})) {
    const old = before.facts?.[name];
    const subject = fill(w.fact, { t: factLabel(fact, name) });
    if (!old)
      out.push({ subject, kind: 'added', details: fact.kind === 'computed' ? [describeExpr(fact.value, label(after), locale)] : [] });
    else if (!same(old, fact)) {
      const details =
        old.kind === 'computed' && fact.kind === 'computed' && !same(old.value, fact.value)
          ? [fill(w.formula, { a: describeExpr(old.value, label(before), locale), b: describeExpr(fact.value, label(after), locale) })]
          : [w.changedContent];
      out.push({ subject, kind: 'changed', details });
    }
  }
  for (const [name, fact] of Object.entries(before.facts ?? {}))
    if (!after.facts?.[name]) out.push({ subject: fill(w.fact, { t: factLabel(fact, name) }), kind: 'removed', details: [] });
  for (const [name, condition] of Object.entries(after.conditions ?? {})) {
    const old = before.conditions?.[name];
    if (old && same(old, condition)) continue;
    out.push({
      subject: fill(w.shared, { t: name }),
      kind: old ? 'changed' : 'added',
      details: [safe(() => conditionSentence(condition, ctxOf(after), locale))],
    });
  }
  for (const name of Object.keys(before.conditions ?? {}))
    if (!after.conditions?.[name]) out.push({ subject: fill(w.shared, { t: name }), kind: 'removed', details: [] });
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

function ctxOfLabel(form: FormDefinition, file: RuleSetFile, fact: string, locale: Locale): string {
  const declared = file.facts?.[fact];
  if (declared) return declared.label[locale];
  let node: RecordSchema | undefined = form.schema;
  let label = fact;
  for (const key of fact.split('.')) {
    const next: RecordSchema | undefined =
      node?.properties?.[key] ?? (node?.items && !Array.isArray(node.items) ? node.items.properties?.[key] : undefined);
    if (!next) return fact;
    label = next['x-title']?.[locale] ?? key;
    node = next;
  }
  return label;
}

interface FieldSnapshot {
  label: string;
  type: string;
  required: boolean;
  options: { value: string; label: string }[];
  bounds: string;
}

function fields(form: FormDefinition, locale: Locale): Map<string, FieldSnapshot> {
  const out = new Map<string, FieldSnapshot>();
  const walk = (node: RecordSchema, prefix: string, labels: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const own = child['x-title']?.[locale] ?? key;
      const label = [...labels, own].join(' / ');
      const type = [child.type, child.format].filter(Boolean).join(':');
      const titles = child['x-enumTitles'] ?? {};
      out.set(path, {
        label,
        type,
        required: node.required?.includes(key) ?? false,
        options: (child.enum ?? []).map((v) => ({ value: JSON.stringify(v), label: titles[String(v)]?.[locale] ?? String(v) })),
        bounds: [child.minimum, child.maximum].map((b) => (typeof b === 'number' ? String(b) : '')).join('–'),
      });
      if (child.properties) walk(child, path, [...labels, own]);
      if (child.items && !Array.isArray(child.items) && child.items.properties) walk(child.items, path, [...labels, own]);
    }
  };
  walk(form.schema, '', []);
  return out;
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
};

/** How two versions of a form differ, field by field (added, removed; label, type, required, options, range), then its statuses. */
export function formChanges(before: FormDefinition, after: FormDefinition, locale: Locale): ChangeLine[] {
  const w = W[locale];
  const out: ChangeLine[] = [];
  if (!same(before.title, after.title))
    out.push({ subject: fill(w.form, { a: before.title[locale], b: after.title[locale] }), kind: 'changed', details: [] });
  const a = fields(before, locale);
  const b = fields(after, locale);
  const typeWord = (t: string) => TYPE_WORDS[t]?.[locale] ?? t;
  for (const [path, field] of b) {
    const old = a.get(path);
    const subject = fill(w.field, { t: field.label });
    if (!old) {
      out.push({ subject, kind: 'added', details: [typeWord(field.type), ...(field.required ? [w.required] : [])] });
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
