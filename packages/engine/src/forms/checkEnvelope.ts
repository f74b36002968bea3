import type { FormDefinition, RecordSchema } from './FormDefinition.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';

/**
 * Dispatch and numbering name top-level fields of the right kind: the assignee a person field, the
 * stamp a date-time field, the number a text field; the number's format has one `{seq}`; person
 * fields' `x-roles` and the dispatchers are known roles (with a roles file).
 */
export function checkEnvelope(form: FormDefinition, roles?: ReadonlySet<string>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const schemaProperties: unknown = form.schema?.properties;
  const properties = (isObject(schemaProperties) ? schemaProperties : {}) as Record<string, RecordSchema>;
  // Non-schemas (null, numbers) where a field belongs are reported by findNonSchemas.
  const field = (name: string) => {
    const found: unknown = Object.hasOwn(properties, name) ? properties[name] : undefined;
    return isObject(found) ? (found as RecordSchema) : undefined;
  };
  const { assignment, numbering } = form;
  if (assignment) {
    const person = field(assignment.field);
    if (!person) issues.push({ path: ['assignment', 'field'], code: 'form.unknownField', params: { field: assignment.field } });
    else if (person['x-kind'] !== 'person')
      issues.push({ path: ['assignment', 'field'], code: 'form.fieldKindExpected', params: { field: assignment.field, kind: 'person' } });
    if (assignment.stamp !== undefined) {
      const stamp = field(assignment.stamp);
      if (!stamp) issues.push({ path: ['assignment', 'stamp'], code: 'form.unknownField', params: { field: assignment.stamp } });
      else if (stamp.format !== 'date-time')
        issues.push({
          path: ['assignment', 'stamp'],
          code: 'form.fieldKindExpected',
          params: { field: assignment.stamp, kind: 'date-time' },
        });
    }
    if (roles)
      assignment.dispatchers.forEach((role, i) => {
        if (!roles.has(role)) issues.push({ path: ['assignment', 'dispatchers', i], code: 'form.unknownRole', params: { role } });
      });
  }
  if (numbering) {
    const target = field(numbering.field);
    if (!target) issues.push({ path: ['numbering', 'field'], code: 'form.unknownField', params: { field: numbering.field } });
    else if (target.type !== 'string' || target.format !== undefined || target.enum !== undefined)
      issues.push({ path: ['numbering', 'field'], code: 'form.fieldKindExpected', params: { field: numbering.field, kind: 'text' } });
    if ((numbering.format.match(/\{seq(:\d)?\}/g) ?? []).length !== 1)
      issues.push({ path: ['numbering', 'format'], code: 'form.numberingFormat', params: { format: numbering.format } });
  }
  if (roles)
    for (const name of Object.keys(properties)) {
      const allowed = field(name)?.['x-roles'];
      if (!Array.isArray(allowed)) continue;
      allowed.forEach((role, i) => {
        if (typeof role !== 'string' || !roles.has(role))
          issues.push({ path: ['schema', 'properties', name, 'x-roles', i], code: 'form.unknownRole', params: { role: String(role) } });
      });
    }
  return issues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
