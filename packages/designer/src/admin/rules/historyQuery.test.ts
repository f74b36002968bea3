import { describe, expect, it } from 'vitest';
import type { HistoryFact } from '@aftersales/engine';
import {
  addFilter,
  filterValueMode,
  newFilter,
  setAggregate,
  setFilterField,
  setFilterValueMode,
  setIncludeSelf,
  setSumField,
  setTargetForm,
  setWindow,
  startingLiteral,
  updateFilters,
} from './historyQuery';

const label = { 'zh-CN': '本周九折单数', en: 'Discounted quotes this week' };
/** P3's fact in the default pack. */
const discounts: HistoryFact = {
  kind: 'history',
  type: 'integer',
  label,
  query: {
    aggregate: 'count',
    where: [
      { field: 'advisor', op: 'eq', value: { fact: 'advisor' } },
      { field: 'discountRate', op: 'lte', value: 0.9 },
    ],
    window: { unit: 'week' },
  },
};
const numeric = [
  { name: 'amount', integer: false },
  { name: 'units', integer: true },
];

describe('history query editing', () => {
  it('when a count becomes a sum, then it sums the first numeric field and its type follows that field', () => {
    const sum = setAggregate(discounts, 'sum', numeric);
    expect(sum.query).toMatchObject({ aggregate: 'sum', field: 'amount' });
    expect(sum.type).toBe('number');
    expect(setSumField(sum, numeric[1]!)).toMatchObject({ type: 'integer', query: { field: 'units' } });
  });

  it('when a sum becomes a count, then the field goes and it is a whole number', () => {
    const count = setAggregate(setAggregate(discounts, 'sum', numeric), 'count', numeric);
    expect(count).toEqual(discounts);
  });

  it('when the period is the last N days, then it has an amount (30 first); a week or month has none', () => {
    const days = setWindow(discounts, 'days');
    expect(days.query.window).toEqual({ unit: 'days', amount: 30 });
    expect(setWindow(days, 'days', 7).query.window).toEqual({ unit: 'days', amount: 7 });
    expect(setWindow(days, 'month').query.window).toEqual({ unit: 'month' });
  });

  it('when the record itself is left out, then includeSelf is false; put back, the default is not written', () => {
    const without = setIncludeSelf(discounts, false);
    expect(without.query.includeSelf).toBe(false);
    expect(setIncludeSelf(without, true)).toEqual(discounts);
  });

  it("when another form is counted, then the filters (on the old form's fields) go; a sum takes the new form's field", () => {
    const other = setTargetForm(discounts, 'complaint-log', numeric);
    expect(other.query).toEqual({ aggregate: 'count', window: { unit: 'week' }, form: 'complaint-log' });
    const sum = setTargetForm(setAggregate(discounts, 'sum', numeric), 'parts', [{ name: 'qty', integer: true }]);
    expect(sum).toMatchObject({ type: 'integer', query: { form: 'parts', field: 'qty' } });
    expect(setTargetForm(other, undefined, numeric).query).not.toHaveProperty('form');
  });

  it('when a filter is added on a field this record also has, then it means "the same person as this record"', () => {
    expect(newFilter('advisor', ['advisor', 'fee'])).toEqual({ field: 'advisor', op: 'eq', value: { fact: 'advisor' } });
    expect(newFilter('zone', ['advisor'])).toEqual({ field: 'zone', op: 'eq', value: '' });
  });

  it("when a filter switches between a value and this record's field, then the value is replaced", () => {
    const own = discounts.query.where![0]!;
    expect(filterValueMode(own)).toBe('fact');
    const literal = setFilterValueMode(own, 'value', ['advisor']);
    expect(literal).toEqual({ field: 'advisor', op: 'eq', value: '' });
    expect(filterValueMode(literal)).toBe('value');
    expect(setFilterValueMode(literal, 'fact', ['advisor'])).toEqual(own);
    expect(setFilterValueMode({ field: 'x', op: 'eq', value: 1 }, 'fact', ['fee'])).toEqual({
      field: 'x',
      op: 'eq',
      value: { fact: 'fee' },
    });
  });

  it('when a filter moves to another field, then a comparison with this record follows; a value starts over', () => {
    const own = discounts.query.where![0]!;
    expect(setFilterField(own, 'customer', ['advisor', 'customer'])).toEqual({ field: 'customer', op: 'eq', value: { fact: 'customer' } });
    expect(setFilterField(own, 'zone', ['advisor'])).toEqual({ field: 'zone', op: 'eq', value: { fact: 'advisor' } });
    expect(setFilterField(discounts.query.where![1]!, 'units', [], 0)).toEqual({ field: 'units', op: 'lte', value: 0 });
  });

  it('when a value is compared, then it starts as the field is typed', () => {
    expect(startingLiteral('number')).toBe(0);
    expect(startingLiteral('boolean')).toBe(true);
    expect(startingLiteral('choice', [{ value: 'urban' }])).toBe('urban');
    expect(startingLiteral('string')).toBe('');
    expect(newFilter('units', [], 0)).toEqual({ field: 'units', op: 'eq', value: 0 });
  });

  it('when filters are changed, added and all removed, then where follows and goes when empty', () => {
    const changed = updateFilters(discounts, 1, { field: 'discountRate', op: 'lt', value: 0.8 });
    expect(changed.query.where?.[1]).toEqual({ field: 'discountRate', op: 'lt', value: 0.8 });
    const none = updateFilters(updateFilters(discounts, 0, undefined), 0, undefined);
    expect(none.query).not.toHaveProperty('where');
    expect(addFilter(none, { field: 'a', op: 'eq', value: 1 }).query.where).toEqual([{ field: 'a', op: 'eq', value: 1 }]);
  });
});
