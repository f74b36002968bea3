import type { SemanticIssue } from '../rules/SemanticIssue.js';
import type { ProblemCode } from '../problems/problemMessages.js';
import { compilePattern } from '../validation/linearRegExp.js';
import type { PatternRefusal } from '../validation/linearPattern.js';

type Path = (string | number)[];

/** Keywords of draft-07 whose value is one sub-schema, a list of them, or a map of them. */
const ONE = ['additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const LIST = ['allOf', 'anyOf', 'oneOf'];
const MAP = ['properties', 'patternProperties', 'definitions', 'dependencies'];

const CODES: Record<PatternRefusal['reason'], ProblemCode> = {
  invalid: 'form.patternInvalid',
  lookaround: 'form.patternLookaround',
  backreference: 'form.patternBackreference',
  tooLong: 'form.patternTooLong',
  unsupported: 'form.patternUnsupported',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function check(pattern: string, path: Path): SemanticIssue[] {
  const compiled = compilePattern(pattern);
  if (compiled.ok) return [];
  const params: Record<string, string | number> = { pattern: pattern.length > 100 ? `${pattern.slice(0, 100)}…` : pattern };
  if (compiled.reason === 'invalid' || compiled.reason === 'unsupported') params.detail = compiled.detail;
  if (compiled.reason === 'tooLong') params.limit = compiled.limit;
  return [{ path, code: CODES[compiled.reason], params }];
}

/**
 * Every regular expression of a record schema (`pattern`, the keys of `patternProperties`, in any
 * sub-schema) must compile for the linear-time engine the validators match with (linearRegExp):
 * otherwise a problem at that very keyword or key says why.
 */
export function checkPatterns(schema: unknown, path: Path): SemanticIssue[] {
  if (!isObject(schema)) return [];
  const issues: SemanticIssue[] = [];
  if (typeof schema.pattern === 'string') issues.push(...check(schema.pattern, [...path, 'pattern']));
  if (isObject(schema.patternProperties))
    for (const key of Object.keys(schema.patternProperties)) issues.push(...check(key, [...path, 'patternProperties', key]));
  for (const keyword of ONE) issues.push(...checkPatterns(schema[keyword], [...path, keyword]));
  for (const keyword of LIST)
    if (Array.isArray(schema[keyword])) schema[keyword].forEach((child, i) => issues.push(...checkPatterns(child, [...path, keyword, i])));
  for (const keyword of MAP)
    if (isObject(schema[keyword]))
      for (const [key, child] of Object.entries(schema[keyword])) issues.push(...checkPatterns(child, [...path, keyword, key]));
  const items = schema.items;
  if (Array.isArray(items)) items.forEach((child, i) => issues.push(...checkPatterns(child, [...path, 'items', i])));
  else issues.push(...checkPatterns(items, [...path, 'items']));
  return issues;
}
