import type { SemanticIssue } from '../rules/SemanticIssue.js';
import type { Expr } from './Expr.js';

/** What an expression gives: a number, a local date, or an instant (a date-time). */
export type ExprType = 'number' | 'date' | 'dateTime';

/** What a fact holds, as expressions see it; undefined = unknown fact (reported elsewhere). */
export type ExprFactKind = ExprType | 'list' | 'other';

type Path = (string | number)[];
type Want = 'number' | 'date';

/**
 * The type of an expression and every place it uses a value of the wrong type: a date where a
 * number is needed (or the reverse), an ordering test on a fact that is not a number, two branches
 * of a condition of different types. Unknown facts count as fitting (the caller reports them).
 */
export function checkExprTypes(
  expr: Expr,
  path: Path,
  kindOf: (fact: string) => ExprFactKind | undefined,
): { type: ExprType | null; issues: SemanticIssue[] } {
  const issues: SemanticIssue[] = [];
  const typeOf = (e: Expr, at: Path): ExprType | null => {
    if (typeof e === 'number') return 'number';
    if ('fact' in e) {
      const kind = kindOf(e.fact);
      return kind === 'number' || kind === 'date' || kind === 'dateTime' ? kind : null;
    }
    if ('count' in e || 'sum' in e) return 'number';
    const want = (child: Expr, childAt: Path, operation: string, position: number, wanted: Want) => {
      const type = typeOf(child, childAt);
      const fits = type === null || (wanted === 'number' ? type === 'number' : type !== 'number');
      if (!fits || (type === null && typeof child === 'object' && 'fact' in child && kindOf(child.fact) !== undefined)) {
        const fact = typeof child === 'object' && 'fact' in child ? child.fact : undefined;
        issues.push(
          fact !== undefined && wanted === 'number'
            ? { path: childAt, code: 'rules.notNumber', params: { fact } }
            : { path: childAt, code: 'rules.exprArgType', params: { operation, position, expected: wanted } },
        );
      }
      return type;
    };
    for (const op of ['add', 'mul', 'min', 'max', 'sub', 'div'] as const) {
      if (op in e) {
        (e as Record<string, Expr[]>)[op]!.forEach((c, i) => want(c, [...at, op, i], op, i + 1, 'number'));
        return 'number';
      }
    }
    for (const op of ['round', 'ceil', 'floor'] as const) {
      if (op in e) {
        want((e as Record<string, Expr>)[op]!, [...at, op], op, 1, 'number');
        return 'number';
      }
    }
    for (const op of ['addDays', 'addMonths', 'addYears'] as const) {
      if (op in e) {
        const [date, amount] = (e as Record<string, [Expr, Expr]>)[op]!;
        const type = want(date, [...at, op, 0], op, 1, 'date');
        want(amount, [...at, op, 1], op, 2, 'number');
        return type ?? 'date';
      }
    }
    for (const op of ['daysBetween', 'workingDaysBetween'] as const) {
      if (op in e) {
        (e as Record<string, Expr[]>)[op]!.forEach((c, i) => want(c, [...at, op, i], op, i + 1, 'date'));
        return 'number';
      }
    }
    if ('if' in e) {
      const { op, fact, value } = e.if;
      const kind = kindOf(fact);
      const ordering = op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte';
      const needsValue = op !== 'filled' && op !== 'empty';
      if ((ordering && kind !== undefined && kind !== 'number') || (ordering && value !== undefined && typeof value !== 'number')) {
        issues.push({ path: [...at, 'if'], code: 'rules.exprArgType', params: { operation: 'if', position: 1, expected: 'number' } });
      } else if (needsValue && value === undefined) {
        issues.push({ path: [...at, 'if', 'value'], code: 'rules.exprTestValue' });
      }
      const then = typeOf(e.then, [...at, 'then']);
      const otherwise = typeOf(e.else, [...at, 'else']);
      if (then !== null && otherwise !== null && (then === 'number') !== (otherwise === 'number')) {
        issues.push({
          path: [...at, 'else'],
          code: 'rules.exprArgType',
          params: { operation: 'if', position: 3, expected: then === 'number' ? 'number' : 'date' },
        });
      }
      return then ?? otherwise;
    }
    return null;
  };
  const type = typeOf(expr, path);
  return { type, issues };
}
