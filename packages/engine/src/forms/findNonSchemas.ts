import type { SemanticIssue } from '../rules/SemanticIssue.js';

type Path = (string | number)[];

const SCHEMA_KEYWORDS = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not'];
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const MAX_ISSUES = 100;

const isSchema = (value: unknown) => typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every place of a JSON Schema (draft-07) where a schema belongs but something else stands (`null`,
 * a number, a string, an array): `"properties": {"a": null}` is a pack problem at its pointer, not
 * an exception in a later check. Stops after 100.
 */
export function findNonSchemas(schema: unknown, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const visit = (node: unknown, at: Path) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!isSchema(node)) {
      issues.push({
        path: at,
        code: 'form.notASchema',
        params: { found: node === null ? 'null' : Array.isArray(node) ? 'array' : typeof node },
      });
      return;
    }
    if (!isMap(node)) return;
    for (const keyword of SCHEMA_KEYWORDS) {
      if (!(keyword in node)) continue;
      const child = node[keyword];
      if (keyword === 'items' && Array.isArray(child)) child.forEach((item, i) => visit(item, [...at, keyword, i]));
      else visit(child, [...at, keyword]);
    }
    for (const keyword of SCHEMA_MAP_KEYWORDS) {
      const map = node[keyword];
      if (isMap(map)) for (const [key, child] of Object.entries(map)) visit(child, [...at, keyword, key]);
    }
    for (const keyword of SCHEMA_LIST_KEYWORDS) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((item, i) => visit(item, [...at, keyword, i]));
    }
    const dependencies = node.dependencies;
    if (isMap(dependencies))
      for (const [key, child] of Object.entries(dependencies)) if (!Array.isArray(child)) visit(child, [...at, 'dependencies', key]);
  };
  visit(schema, path);
  return issues;
}
