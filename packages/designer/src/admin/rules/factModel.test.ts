import { describe, expect, it } from 'vitest';
import type { DerivedFact, Problem } from '@aftersales/engine';
import { changeFactKind, factNameProblem, factPointer, newFact, problemsUnder, removeFact, replaceFact, uniqueFactName } from './factModel';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const context = { dateFields: ['callTime', 'arrivalTime'], numericFacts: ['fee'] };

describe('newFact', () => {
  it('when a time fact is added, then it counts from the first date field', () => {
    expect(newFact('workingHours', context)).toEqual({ kind: 'workingHours', from: 'callTime', label: t('工作小时', 'Working hours') });
  });

  it('when a computed fact is added, then it starts as the first numeric fact', () => {
    expect(newFact('computed', context)).toMatchObject({ kind: 'computed', value: { fact: 'fee' } });
    expect(newFact('computed', { dateFields: [], numericFacts: [] })).toMatchObject({ value: 0 });
  });

  it("when a history fact is added, then it counts this week's records of the form (a whole number)", () => {
    expect(newFact('history', context)).toMatchObject({
      kind: 'history',
      type: 'integer',
      query: { aggregate: 'count', window: { unit: 'week' } },
    });
  });
});

describe('changeFactKind', () => {
  it('when working hours become calendar hours, then the fields stay and the calendar goes', () => {
    const fact: DerivedFact = { kind: 'workingHours', from: 'a', to: 'b', calendar: 'store', label: t('到场', 'Arrival') };
    expect(changeFactKind(fact, 'hours', context)).toEqual({ kind: 'hours', from: 'a', to: 'b', label: t('到场', 'Arrival') });
    expect(changeFactKind(fact, 'workingDays', context)).toEqual({ ...fact, kind: 'workingDays' });
  });

  it('when a time fact becomes a history fact, then it is a history starter with the label the admin gave', () => {
    const fact: DerivedFact = { kind: 'hours', from: 'a', label: t('到场', 'Arrival') };
    expect(changeFactKind(fact, 'history', context)).toEqual({ ...newFact('history', context), label: t('到场', 'Arrival') });
  });

  it('when the label is still the default of its kind, then it becomes the default of the new kind', () => {
    expect(changeFactKind(newFact('workingHours', context), 'computed', context).label).toEqual(newFact('computed', context).label);
  });

  it('when the kind does not change, then the fact is the same object', () => {
    const fact = newFact('computed', context);
    expect(changeFactKind(fact, 'computed', context)).toBe(fact);
  });
});

describe('fact names', () => {
  const facts: Record<string, DerivedFact> = { history1: newFact('history', context), computed3: newFact('computed', context) };

  it('when a name is made up, then it is the kind and the first free number', () => {
    expect(uniqueFactName('history', Object.keys(facts))).toBe('history3');
    expect(uniqueFactName('computed', Object.keys(facts))).toBe('computed4');
  });

  it('when a name breaks the pattern or is taken, then the problem says which', () => {
    expect(factNameProblem('1abc', 'history1', facts)).toBe('pattern');
    expect(factNameProblem('has space', 'history1', facts)).toBe('pattern');
    expect(factNameProblem('computed3', 'history1', facts)).toBe('taken');
    expect(factNameProblem('history1', 'history1', facts)).toBeNull();
    expect(factNameProblem('discountsThisWeek', 'history1', facts)).toBeNull();
  });

  it('when a fact is renamed, then it keeps its place; a taken name changes nothing', () => {
    const renamed = replaceFact(facts, 'history1', facts.history1!, 'discounts');
    expect(Object.keys(renamed)).toEqual(['discounts', 'computed3']);
    expect(replaceFact(facts, 'history1', facts.history1!, 'computed3')).toBe(facts);
  });

  it('when a fact is removed, then the others stay in order', () => {
    expect(Object.keys(removeFact(facts, 'history1'))).toEqual(['computed3']);
  });
});

describe('problemsUnder', () => {
  const problem = (pointer: string): Problem => ({ file: 'rules.json', pointer, code: 'rules.unknownFact', message: t('x', 'x') });

  it('when problems point into a fact, then they are its problems (not those of a fact with a longer name)', () => {
    const all = [problem('/facts/a/query/where/0/field'), problem('/facts/a'), problem('/facts/ab/value'), problem('/rules/0')];
    expect(problemsUnder(all, factPointer('a')).map((p) => p.pointer)).toEqual(['/facts/a/query/where/0/field', '/facts/a']);
    expect(problemsUnder(all, factPointer('a', 'query', 'where', 0)).map((p) => p.pointer)).toEqual(['/facts/a/query/where/0/field']);
  });

  it('when a name has a slash or tilde, then its pointer is escaped', () => {
    expect(factPointer('a/b~c', 'value')).toBe('/facts/a~1b~0c/value');
  });
});
