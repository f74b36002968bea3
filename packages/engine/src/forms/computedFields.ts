import type { Expr } from '../expr/Expr.js';
import { evaluateExpr } from '../expr/evaluateExpr.js';
import { exprFacts } from '../expr/exprFacts.js';
import { resolveFieldPath } from '../facts/resolveFieldPath.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { FormDefinition, RecordSchema } from './FormDefinition.js';

/** A computed field whose posted value is not the one its formula gives. */
export interface ComputedMismatch {
  /** JSON pointer into the record data, e.g. "/items/0/subtotal". */
  pointer: string;
  expected: number;
  given: unknown;
  message: LocalizedText;
}

type Data = Record<string, unknown>;

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's formula (`x-formula`), when it has one. */
export function formulaOf(node: RecordSchema | undefined): Expr | undefined {
  const formula = node?.['x-formula'];
  return formula === undefined || formula === null ? undefined : (formula as Expr);
}

/** A computed value rounded to the field's step (0.01: two decimals), so 0.1 × 3 is 0.3. */
function rounded(value: number, node: RecordSchema): number {
  const step = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : 0.01;
  const digits = Math.max(0, Math.min(10, Math.round(-Math.log10(step))));
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

const label = (node: RecordSchema | undefined, name: string): LocalizedText => ({
  'zh-CN': node?.['x-title']?.['zh-CN'] || name,
  en: node?.['x-title']?.en || name,
});

/**
 * The record with its computed fields (`x-formula`, the engine's formula language) filled in: line
 * fields of a repeating group first, each line's names read on the line and then on the record
 * (subtotal = qty × unitPrice), then the record's fields (total = sum of subtotals). A formula whose
 * inputs are not filled gives nothing: the posted value stays. `mismatches` lists the posted
 * values the formulas contradict (the server refuses them; the form never sends one).
 */
export function computeFields(form: Pick<FormDefinition, 'schema'>, data: unknown): { data: unknown; mismatches: ComputedMismatch[] } {
  if (!isObject(data)) return { data, mismatches: [] };
  const properties = form.schema.properties ?? {};
  const mismatches: ComputedMismatch[] = [];
  const next: Data = { ...data };
  const settle = (target: Data, name: string, node: RecordSchema, value: number | null, pointer: string, line?: number) => {
    if (value === null) return;
    const expected = rounded(value, node);
    const given = target[name];
    if (given !== undefined && given !== null && given !== '' && !(typeof given === 'number' && Math.abs(given - expected) < 1e-9)) {
      const what = label(node, name);
      const where = line === undefined ? { zh: '', en: '' } : { zh: `第 ${line + 1} 行的`, en: ` on line ${line + 1}` };
      mismatches.push({
        pointer,
        expected,
        given,
        message: {
          'zh-CN': `${where.zh}“${what['zh-CN']}”按公式计算应为 ${expected}，不能手工填写`,
          en: `${what.en}${where.en} is computed as ${expected} and cannot be typed in`,
        },
      });
    }
    target[name] = expected;
  };
  // Lines first: a record total may sum computed line fields.
  for (const [name, node] of Object.entries(properties)) {
    const item = node.items && !Array.isArray(node.items) ? node.items : undefined;
    const lineFormulas = Object.entries(item?.properties ?? {}).filter(([, child]) => formulaOf(child) !== undefined);
    if (lineFormulas.length === 0 || !Array.isArray(next[name])) continue;
    next[name] = (next[name] as unknown[]).map((line, i) => {
      if (!isObject(line)) return line;
      const copy: Data = { ...line };
      for (const [field, child] of lineFormulas) {
        const lookup = (fact: string) => (fact in copy ? resolveFieldPath(copy, fact) : resolveFieldPath(next, fact));
        settle(copy, field, child, evaluateExpr(formulaOf(child)!, lookup), `/${name}/${i}/${field}`, i);
      }
      return copy;
    });
  }
  for (const [name, node] of Object.entries(properties)) {
    const formula = formulaOf(node);
    if (formula === undefined) continue;
    settle(
      next,
      name,
      node,
      evaluateExpr(formula, (fact) => resolveFieldPath(next, fact)),
      `/${name}`,
    );
  }
  return { data: next, mismatches };
}

/** The fields a formula reads that the form does not have (line formulas: the line's or the record's). */
export function unknownFormulaFacts(formula: Expr, names: ReadonlySet<string>): string[] {
  return exprFacts(formula).filter((fact) => !names.has(fact.split('.')[0]!));
}
