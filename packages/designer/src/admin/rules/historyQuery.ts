import type { HistoryFact, HistoryFilter } from '@aftersales/engine';

type Query = HistoryFact['query'];
export type WindowUnit = Query['window']['unit'];
export type FilterOp = HistoryFilter['op'];

export const FILTER_OPS: readonly FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'];
/** The words of a history filter's operator: the condition builder's (op.*). */
export const FILTER_OP_WORDS: Record<FilterOp, string> = {
  eq: 'equal',
  ne: 'notEqual',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
};
export const DEFAULT_DAYS = 30;

/** A numeric field of the counted form: summing an integer field gives an integer. */
export interface NumericField {
  name: string;
  integer: boolean;
}

const withQuery = (fact: HistoryFact, query: Query): HistoryFact => ({ ...fact, query });

/** Count the records (a whole number), or sum one of their numeric fields (the first, until one is picked). */
export function setAggregate(fact: HistoryFact, aggregate: Query['aggregate'], numericFields: readonly NumericField[]): HistoryFact {
  if (aggregate === fact.query.aggregate) return fact;
  const query: Query = { ...fact.query, aggregate };
  if (aggregate === 'count') {
    delete query.field;
    return { ...withQuery(fact, query), type: 'integer' };
  }
  const field = numericFields.find((f) => f.name === query.field) ?? numericFields[0];
  if (field) query.field = field.name;
  return { ...withQuery(fact, query), type: field?.integer ? 'integer' : 'number' };
}

/** The summed field; the fact's type follows it. */
export function setSumField(fact: HistoryFact, field: NumericField): HistoryFact {
  return { ...withQuery(fact, { ...fact.query, field: field.name }), type: field.integer ? 'integer' : 'number' };
}

/** This week, this month (no amount), or the last N days (30 until changed). */
export function setWindow(fact: HistoryFact, unit: WindowUnit, amount?: number): HistoryFact {
  const window: Query['window'] = { unit };
  if (unit === 'days') window.amount = amount ?? fact.query.window.amount ?? DEFAULT_DAYS;
  return withQuery(fact, { ...fact.query, window });
}

/** Whether the record being evaluated counts too; true is the default and is not written. */
export function setIncludeSelf(fact: HistoryFact, include: boolean): HistoryFact {
  const query = { ...fact.query };
  if (include) delete query.includeSelf;
  else query.includeSelf = false;
  return withQuery(fact, query);
}

/**
 * Counts records of another form (undefined: the rule set's own form). Its fields differ, so the
 * filters go and a sum moves to the new form's first numeric field.
 */
export function setTargetForm(fact: HistoryFact, form: string | undefined, numericFields: readonly NumericField[]): HistoryFact {
  if (form === fact.query.form) return fact;
  const query: Query = { ...fact.query };
  if (form === undefined) delete query.form;
  else query.form = form;
  delete query.where;
  if (query.aggregate === 'sum') {
    delete query.field;
    return setSumFieldOrNone(withQuery(fact, query), numericFields[0]);
  }
  return withQuery(fact, query);
}

function setSumFieldOrNone(fact: HistoryFact, field: NumericField | undefined): HistoryFact {
  return field ? setSumField(fact, field) : { ...fact, type: 'number' };
}

export type FilterValueMode = 'value' | 'fact';

/** A filter compares with a literal, or with a fact of the record being evaluated (`{ fact }`). */
export function filterValueMode(filter: HistoryFilter): FilterValueMode {
  const v = filter.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string' ? 'fact' : 'value';
}

/**
 * A new filter on `field`. When the record being evaluated has a field of that name (the advisor,
 * the customer), it compares with it: "by the same person"; otherwise with an empty value.
 */
export function newFilter(field: string, ownFields: readonly string[], literal: unknown = ''): HistoryFilter {
  return { field, op: 'eq', value: ownFields.includes(field) ? { fact: field } : literal };
}

/** A filter moved to another field: a comparison with this record follows to its same-named field; a value starts over. */
export function setFilterField(filter: HistoryFilter, field: string, ownFields: readonly string[], literal: unknown = ''): HistoryFilter {
  if (filterValueMode(filter) === 'value') return { ...filter, field, value: literal };
  return { ...filter, field, value: ownFields.includes(field) ? { fact: field } : filter.value };
}

/** The value a literal comparison with a field of this kind starts at. */
export function startingLiteral(kind: string | undefined, options?: readonly { value: unknown }[]): unknown {
  if (kind === 'number') return 0;
  if (kind === 'boolean') return true;
  if (kind === 'choice' && options?.[0]) return options[0].value;
  return '';
}

/** Switches a filter between a literal (empty) and the same-named field of this record (or the first one). */
export function setFilterValueMode(
  filter: HistoryFilter,
  mode: FilterValueMode,
  ownFields: readonly string[],
  literal: unknown = '',
): HistoryFilter {
  if (mode === filterValueMode(filter)) return filter;
  if (mode === 'value') return { ...filter, value: literal };
  const own = ownFields.includes(filter.field) ? filter.field : ownFields[0];
  return { ...filter, value: { fact: own ?? '' } };
}

/** The filters with one changed (undefined: removed); no filters left, no `where`. */
export function updateFilters(fact: HistoryFact, index: number, filter: HistoryFilter | undefined): HistoryFact {
  const current = fact.query.where ?? [];
  const where = filter === undefined ? current.filter((_, i) => i !== index) : current.map((f, i) => (i === index ? filter : f));
  return withWhere(fact, where);
}

export function addFilter(fact: HistoryFact, filter: HistoryFilter): HistoryFact {
  return withWhere(fact, [...(fact.query.where ?? []), filter]);
}

function withWhere(fact: HistoryFact, where: HistoryFilter[]): HistoryFact {
  const query: Query = { ...fact.query };
  if (where.length > 0) query.where = where;
  else delete query.where;
  return withQuery(fact, query);
}
