import type { FormDefinition, RecordSchema } from './FormDefinition.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';

/**
 * Link fields and the moves they make: a link field is a top-level text field naming a form of the
 * pack (`x-linkForm`); a link move names a link field of this form, a status of its flow, a field of
 * the record for its condition, and states of the linked form's flow (the linked form must have one).
 */
export function checkLinks(form: FormDefinition, forms: ReadonlyMap<string, FormDefinition>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const schemaProperties: unknown = form.schema?.properties;
  const properties = (isObject(schemaProperties) ? schemaProperties : {}) as Record<string, RecordSchema>;
  const field = (name: string) => {
    const found: unknown = Object.hasOwn(properties, name) ? properties[name] : undefined;
    return isObject(found) ? (found as RecordSchema) : undefined;
  };
  for (const [name, schema] of Object.entries(properties)) {
    if (!isObject(schema) || schema['x-kind'] !== 'link') continue;
    const at = ['schema', 'properties', name];
    if (schema.type !== 'string') issues.push({ path: at, code: 'form.fieldKindExpected', params: { field: name, kind: 'text' } });
    const target = schema['x-linkForm'];
    if (typeof target !== 'string' || !forms.has(target))
      issues.push({ path: [...at, 'x-linkForm'], code: 'form.unknownLinkForm', params: { field: name, form: String(target ?? '') } });
  }
  const ownStates = new Set(form.statusFlow?.states.map((s) => s.id) ?? []);
  form.linkMoves?.forEach((move, i) => {
    const at = ['linkMoves', i];
    const link = field(move.field);
    if (!link || link['x-kind'] !== 'link') {
      issues.push({ path: [...at, 'field'], code: 'form.fieldKindExpected', params: { field: move.field, kind: 'link' } });
      return;
    }
    if (move.status !== undefined && !ownStates.has(move.status))
      issues.push({ path: [...at, 'status'], code: 'form.unknownState', params: { state: move.status } });
    if (move.when && !field(move.when.field))
      issues.push({ path: [...at, 'when', 'field'], code: 'form.unknownField', params: { field: move.when.field } });
    const target = typeof link['x-linkForm'] === 'string' ? forms.get(link['x-linkForm']) : undefined;
    if (!target) return; // reported at the field
    const states = new Set(target.statusFlow?.states.map((s) => s.id) ?? []);
    move.from.forEach((state, j) => {
      if (!states.has(state)) issues.push({ path: [...at, 'from', j], code: 'form.unknownState', params: { state } });
    });
    if (!states.has(move.to)) issues.push({ path: [...at, 'to'], code: 'form.unknownState', params: { state: move.to } });
  });
  return issues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
