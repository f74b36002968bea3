import type { DerivedFact, ElapsedFact, LocalizedText, Problem } from '@aftersales/engine';

export type FactKind = DerivedFact['kind'];
export type ElapsedKind = ElapsedFact['kind'];

export const ELAPSED_KINDS: readonly ElapsedKind[] = ['workingHours', 'workingDays', 'hours', 'days'];

/** The meta-schema's `propertyNames` of `facts`. */
export const FACT_NAME = /^\$?[a-z][A-Za-z0-9]*$/;

export const isElapsedKind = (kind: FactKind): kind is ElapsedKind => (ELAPSED_KINDS as readonly string[]).includes(kind);

/** What a new fact of each kind starts from: the first date field, the first numeric fact. */
export interface FactStarterContext {
  dateFields: readonly string[];
  numericFacts: readonly string[];
  /** The form's link fields (a linked fact starts from the first, reading the linked record's status). */
  linkFields?: readonly string[];
}

const DEFAULT_LABELS: Record<FactKind, LocalizedText> = {
  workingHours: { 'zh-CN': '工作小时', en: 'Working hours' },
  workingDays: { 'zh-CN': '工作日', en: 'Working days' },
  hours: { 'zh-CN': '小时', en: 'Hours' },
  days: { 'zh-CN': '天数', en: 'Days' },
  computed: { 'zh-CN': '计算值', en: 'Computed value' },
  history: { 'zh-CN': '历史记录数', en: 'Number of earlier records' },
  linked: { 'zh-CN': '关联记录的值', en: 'Value of the linked record' },
};

/** The name a new fact of a kind starts with (numbered when taken, see factNaming). */
export function defaultFactLabel(kind: FactKind): LocalizedText {
  return { ...DEFAULT_LABELS[kind] };
}

const NAME_BASES: Record<FactKind, string> = {
  workingHours: 'workingHours',
  workingDays: 'workingDays',
  hours: 'hours',
  days: 'days',
  computed: 'computed',
  history: 'history',
  linked: 'linked',
};

/** A fact of the given kind that passes the meta-schema when the form has the fields it needs. */
export function newFact(kind: FactKind, context: FactStarterContext): DerivedFact {
  const label = defaultFactLabel(kind);
  if (kind === 'computed') return { kind, label, value: context.numericFacts[0] ? { fact: context.numericFacts[0] } : 0 };
  if (kind === 'history') return { kind, type: 'integer', label, query: { aggregate: 'count', window: { unit: 'week' } } };
  if (kind === 'linked') return { kind, field: context.linkFields?.[0] ?? '', path: '$status', type: 'string', label };
  return { kind, from: context.dateFields[0] ?? '', label };
}

/**
 * The fact as another kind. Its label is kept unless it is still the old kind's default; between
 * time kinds the fields are kept (the calendar only for working time); otherwise a new starter.
 */
export function changeFactKind(fact: DerivedFact, kind: FactKind, context: FactStarterContext): DerivedFact {
  if (kind === fact.kind) return fact;
  const untouched = sameText(fact.label, DEFAULT_LABELS[fact.kind]);
  const label = untouched ? { ...DEFAULT_LABELS[kind] } : fact.label;
  if (isElapsedKind(kind) && isElapsedKind(fact.kind)) {
    const next: ElapsedFact = { ...(fact as ElapsedFact), kind, label };
    if (kind === 'hours' || kind === 'days') delete next.calendar;
    return next;
  }
  return { ...newFact(kind, context), label };
}

/** `base1`, `base2`, ...: the first name not taken. */
export function uniqueFactName(kind: FactKind, taken: Iterable<string>): string {
  const names = new Set(taken);
  let n = names.size + 1;
  while (names.has(`${NAME_BASES[kind]}${n}`)) n++;
  return `${NAME_BASES[kind]}${n}`;
}

export type FactNameProblem = 'pattern' | 'taken';

/** Why a fact cannot be called `name` (null: it can). */
export function factNameProblem(name: string, current: string, facts: Record<string, DerivedFact>): FactNameProblem | null {
  if (!FACT_NAME.test(name)) return 'pattern';
  if (name !== current && Object.hasOwn(facts, name)) return 'taken';
  return null;
}

/** The facts with one replaced (and possibly renamed), in the same order. */
export function replaceFact(
  facts: Record<string, DerivedFact>,
  name: string,
  fact: DerivedFact,
  newName = name,
): Record<string, DerivedFact> {
  if (newName !== name && Object.hasOwn(facts, newName)) return facts;
  return Object.fromEntries(Object.entries(facts).map(([k, v]) => (k === name ? [newName, fact] : [k, v])));
}

export function removeFact(facts: Record<string, DerivedFact>, name: string): Record<string, DerivedFact> {
  return Object.fromEntries(Object.entries(facts).filter(([k]) => k !== name));
}

/** JSON pointer of a fact (RFC 6901 escaping). */
export function factPointer(name: string, ...rest: (string | number)[]): string {
  return ['', 'facts', name, ...rest].map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The problems at `pointer` or inside it. */
export function problemsUnder(problems: readonly Problem[], pointer: string): Problem[] {
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
}

function sameText(a: LocalizedText, b: LocalizedText): boolean {
  return a['zh-CN'] === b['zh-CN'] && a.en === b.en;
}
