import { describe, expect, it } from 'vitest';
import type { Expr } from '@aftersales/engine';
import { changeExprKind, exprChildren, exprKind, withChildren } from './exprTree';

const starters = { fact: 'fee', lines: { name: 'parts', field: 'qty' } };
/** The default pack's "working days for the units received": ceil(units / 10). */
const workingDays: Expr = { ceil: { div: [{ fact: 'unitsReceived' }, 10] } };

describe('exprTree', () => {
  it('when a node is read, then its kind and operands are known', () => {
    expect(exprKind(workingDays)).toBe('ceil');
    expect(exprChildren(workingDays)).toEqual([{ div: [{ fact: 'unitsReceived' }, 10] }]);
    expect(exprKind(3)).toBe('number');
    expect(exprKind({ sum: 'parts', field: 'qty', times: 'price' })).toBe('sum');
    expect(exprChildren({ fact: 'a' })).toEqual([]);
  });

  it('when operands change, then the other keys of the node stay', () => {
    expect(withChildren({ round: 1, digits: 2 }, [{ fact: 'a' }])).toEqual({ round: { fact: 'a' }, digits: 2 });
    expect(withChildren({ add: [1, 2] }, [1, 2, 3])).toEqual({ add: [1, 2, 3] });
  });

  it('when a value becomes an operation, then it is the first operand and the second leaves it unchanged', () => {
    expect(changeExprKind({ fact: 'fee' }, 'mul', starters)).toEqual({ mul: [{ fact: 'fee' }, 1] });
    expect(changeExprKind({ fact: 'fee' }, 'div', starters)).toEqual({ div: [{ fact: 'fee' }, 1] });
    expect(changeExprKind(5, 'add', starters)).toEqual({ add: [5, 0] });
  });

  it('when an operation becomes another, then its operands are kept (a pair keeps the first two)', () => {
    expect(changeExprKind({ add: [1, 2, 3] }, 'max', starters)).toEqual({ max: [1, 2, 3] });
    expect(changeExprKind({ add: [1, 2, 3] }, 'sub', starters)).toEqual({ sub: [1, 2] });
  });

  it('when rounding is chosen, then it wraps the node; rounding dropped, its operand stays', () => {
    expect(changeExprKind({ div: [{ fact: 'unitsReceived' }, 10] }, 'ceil', starters)).toEqual(workingDays);
    expect(changeExprKind(workingDays, 'floor', starters)).toEqual({ floor: { div: [{ fact: 'unitsReceived' }, 10] } });
    expect(changeExprKind(workingDays, 'add', starters)).toEqual({ add: [{ div: [{ fact: 'unitsReceived' }, 10] }, 0] });
  });

  it('when a leaf kind is chosen, then it starts from the first fact or lines', () => {
    expect(changeExprKind(workingDays, 'number', starters)).toBe(0);
    expect(changeExprKind(3, 'fact', starters)).toEqual({ fact: 'fee' });
    expect(changeExprKind(3, 'count', starters)).toEqual({ count: 'parts' });
    expect(changeExprKind(3, 'sum', starters)).toEqual({ sum: 'parts', field: 'qty' });
    expect(changeExprKind(3, 'sum', {})).toEqual({ sum: '', field: '' });
  });
});
