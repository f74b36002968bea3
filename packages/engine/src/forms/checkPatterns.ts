import type { SemanticIssue } from '../rules/SemanticIssue.js';
import type { ProblemCode } from '../problems/problemMessages.js';
import { compilePattern } from '../validation/linearRegExp.js';
import type { PatternRefusal } from '../validation/linearPattern.js';
import { forEachPattern } from '../validation/forEachPattern.js';

type Path = (string | number)[];

const CODES: Record<PatternRefusal['reason'], ProblemCode> = {
  invalid: 'form.patternInvalid',
  lookaround: 'form.patternLookaround',
  backreference: 'form.patternBackreference',
  tooLong: 'form.patternTooLong',
  tooComplex: 'form.patternTooComplex',
  unsupported: 'form.patternUnsupported',
};

/**
 * Every regular expression of a record schema (`pattern`, the keys of `patternProperties`, in any
 * sub-schema) must compile for the linear-time engine the validators match with (linearRegExp):
 * otherwise a problem at that very keyword or key says why.
 */
export function checkPatterns(schema: unknown, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  forEachPattern(
    schema,
    (pattern, at) => {
      const compiled = compilePattern(pattern);
      if (compiled.ok) return;
      const params: Record<string, string | number> = { pattern: pattern.length > 100 ? `${pattern.slice(0, 100)}…` : pattern };
      if (compiled.reason === 'invalid' || compiled.reason === 'unsupported') params.detail = compiled.detail;
      if (compiled.reason === 'tooLong') params.limit = compiled.limit;
      if (compiled.reason === 'tooComplex') Object.assign(params, { size: compiled.size, limit: compiled.limit });
      issues.push({ path: at, code: CODES[compiled.reason], params });
    },
    path,
  );
  return issues;
}
