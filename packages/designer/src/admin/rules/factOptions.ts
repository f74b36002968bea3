import {
  factCatalog,
  fieldAt,
  STATUS_FACT,
  type FieldInfo,
  type FormDefinition,
  type LinkedFact,
  type LocalizedText,
  type RecordSchema,
  type RuleSetFile,
} from '@aftersales/engine';
import { CONDITION_REFERENCE_FIELD } from './conditionMapping';
import { linkedValues } from './linkedFact';

export type FactKind = 'number' | 'string' | 'choice' | 'boolean' | 'date' | 'list' | 'reference' | 'other';

/** One fact a condition can test: a form field (dot path), a declared derived/history fact, the status, or a shared condition. */
export interface FactOption {
  name: string;
  label: LocalizedText;
  kind: FactKind;
  /** Crosses a repeating-lines field: one value per line. */
  many: boolean;
  options?: { value: unknown; label: LocalizedText }[];
  source: 'field' | 'derived' | 'history' | 'status' | 'reference';
  info?: FieldInfo;
}

/**
 * Every fact the rules of a rule set can use, in form order, with type and choice options. A linked
 * fact has its own type; with the forms its link fields name, a choice (or the linked record's
 * status) offers their values by label.
 */
export function factOptions(
  form: FormDefinition,
  ruleSet: Pick<RuleSetFile, 'facts' | 'conditions'>,
  linkedForms: ReadonlyMap<string, FormDefinition> = new Map(),
): FactOption[] {
  const out: FactOption[] = [];
  const walk = (node: RecordSchema, prefix: string, labels: string[][]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const info = fieldAt(form.schema, path);
      if (!info) continue;
      const own = child['x-title'] ?? { 'zh-CN': key, en: key };
      const label: LocalizedText = {
        'zh-CN': [...labels.map((l) => l[0]!), own['zh-CN']].join(' / '),
        en: [...labels.map((l) => l[1]!), own.en].join(' / '),
      };
      if (info.type === 'object' && !info.many) {
        walk(child, path, [...labels, [own['zh-CN'], own.en]]);
        continue;
      }
      if (info.type === 'array' && child.items && !Array.isArray(child.items) && child.items.type === 'object') {
        walk(child.items, path, [...labels, [own['zh-CN'], own.en]]);
        // The lines themselves: compare their number, or contains.
        out.push({ name: path, label, kind: 'list', many: false, source: 'field', info });
        continue;
      }
      out.push(describe(path, label, info));
    }
  };
  walk(form.schema, '', []);
  const catalog = factCatalog(form, ruleSet);
  for (const [name, fact] of Object.entries(ruleSet.facts ?? {})) {
    if (fact.kind === 'linked') {
      out.push(linkedOption(name, fact, form, linkedForms));
      continue;
    }
    const source = fact.kind === 'history' ? ('history' as const) : ('derived' as const);
    // A computed date (e.g. purchase date + 2 years) is a date: deadlines can start from it.
    const described = fact.kind === 'computed' ? catalog(name) : undefined;
    if (described && described.type === 'string' && described.format)
      out.push({ name, label: fact.label, kind: 'date', many: false, source, info: described });
    else out.push({ name, label: fact.label, kind: 'number', many: false, source });
  }
  if (form.statusFlow)
    out.push({
      name: STATUS_FACT,
      label: { 'zh-CN': '状态', en: 'Status' },
      kind: 'choice',
      many: false,
      source: 'status',
      options: form.statusFlow.states.map((s) => ({ value: s.id, label: s.label })),
    });
  out.push({
    name: CONDITION_REFERENCE_FIELD,
    label: { 'zh-CN': '共享条件', en: 'Shared condition' },
    kind: 'reference',
    many: false,
    source: 'reference',
  });
  return out;
}

function linkedOption(name: string, fact: LinkedFact, form: FormDefinition, linkedForms: ReadonlyMap<string, FormDefinition>): FactOption {
  const base = { name, label: fact.label, many: false, source: 'derived' as const };
  const target = linkedForms.get(form.schema.properties?.[fact.field]?.['x-linkForm'] ?? '');
  const options = linkedValues(target).find((v) => v.path === fact.path)?.options;
  if (options && fact.type === 'string') return { ...base, kind: 'choice', options };
  if (fact.type === 'boolean') return { ...base, kind: 'boolean' };
  return { ...base, kind: fact.type === 'string' ? 'string' : 'number' };
}

function describe(name: string, label: LocalizedText, info: FieldInfo): FactOption {
  const options = info.enum?.map((value) => ({
    value,
    label: info.enumTitles?.[String(value)] ?? { 'zh-CN': String(value), en: String(value) },
  }));
  const base = { name, label, many: info.many, source: 'field' as const, info };
  if (info.type === 'array') {
    const itemOptions = info.items?.enum?.map((value) => ({
      value,
      label: info.items?.enumTitles?.[String(value)] ?? { 'zh-CN': String(value), en: String(value) },
    }));
    return { ...base, kind: 'list', ...(itemOptions ? { options: itemOptions } : {}) };
  }
  if (options) return { ...base, kind: 'choice', options };
  if (info.type === 'number' || info.type === 'integer') return { ...base, kind: 'number' };
  if (info.type === 'boolean') return { ...base, kind: 'boolean' };
  if (info.type === 'string' && (info.format === 'date' || info.format === 'date-time')) return { ...base, kind: 'date' };
  if (info.type === 'string') return { ...base, kind: 'string' };
  return { ...base, kind: 'other' };
}

const NUMBER_OPERATORS = ['equal', 'notEqual', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'in', 'notIn'];
const EQUALITY_OPERATORS = ['equal', 'notEqual', 'in', 'notIn'];
/** "Is filled" / "is empty": the product's own operators (no value to compare with). */
const PRESENCE = ['isFilled', 'isEmpty'];

/** The operators offered for a fact; facts inside repeating lines get "some line" / "every line" forms. */
export function operatorsFor(fact: FactOption | undefined): string[] {
  if (!fact) return ['equal'];
  if (fact.kind === 'reference') return ['holds'];
  const base =
    fact.kind === 'number'
      ? [...NUMBER_OPERATORS, ...PRESENCE]
      : fact.kind === 'boolean'
        ? ['equal', 'notEqual', ...PRESENCE]
        : fact.kind === 'list'
          ? ['hasAny', 'hasNone', 'contains', 'doesNotContain']
          : fact.kind === 'date'
            ? [...PRESENCE, ...EQUALITY_OPERATORS]
            : [...EQUALITY_OPERATORS, ...PRESENCE];
  if (!fact.many) return base;
  const item = fact.kind === 'number' ? NUMBER_OPERATORS.filter((o) => o !== 'in' && o !== 'notIn') : ['equal', 'notEqual'];
  return [...item.map((o) => `someFact:${o}`), ...item.map((o) => `everyFact:${o}`), 'contains', 'doesNotContain'];
}
