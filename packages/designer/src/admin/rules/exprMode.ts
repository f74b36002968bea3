export type ExprMode = 'fixed' | 'fact' | 'percent' | 'sum' | 'formula';

/** What shape an amount has, so the editor shows the matching simple form. */
export function exprMode(expr: unknown): ExprMode {
  if (expr === undefined || typeof expr === 'number') return 'fixed';
  if (expr && typeof expr === 'object' && !Array.isArray(expr)) {
    const keys = Object.keys(expr);
    const e = expr as Record<string, unknown>;
    if (keys.length === 1 && typeof e.fact === 'string') return 'fact';
    if (keys.length === 1 && Array.isArray(e.mul) && e.mul.length === 2) {
      const [a, b] = e.mul as unknown[];
      if (isFactExpr(a) && typeof b === 'number') return 'percent';
    }
    if (typeof e.sum === 'string' && typeof e.field === 'string' && keys.every((k) => ['sum', 'field', 'times'].includes(k))) return 'sum';
  }
  return 'formula';
}

export const isFactExpr = (v: unknown) =>
  !!v && typeof v === 'object' && Object.keys(v).length === 1 && typeof (v as { fact?: unknown }).fact === 'string';
