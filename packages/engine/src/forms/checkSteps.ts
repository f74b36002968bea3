import type { FormDefinition, RecordSchema } from './FormDefinition.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';

/**
 * Sections and steps name what exists: a section's fields are top-level fields, each in one section;
 * a step names a state of the flow (once) and known sections; a transition's stamp is a top-level
 * date-time field.
 */
export function checkSteps(form: FormDefinition): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const schemaProperties: unknown = form.schema?.properties;
  const properties = (typeof schemaProperties === 'object' && schemaProperties !== null ? schemaProperties : {}) as Record<
    string,
    RecordSchema
  >;
  const has = (name: string) => Object.hasOwn(properties, name);
  const sectionIds = new Set<string>();
  const placed = new Map<string, string>();
  form.sections?.forEach((section, i) => {
    if (sectionIds.has(section.id))
      issues.push({ path: ['sections', i, 'id'], code: 'form.duplicateSection', params: { section: section.id } });
    sectionIds.add(section.id);
    section.fields.forEach((field, j) => {
      if (!has(field)) issues.push({ path: ['sections', i, 'fields', j], code: 'form.unknownField', params: { field } });
      else if (placed.has(field))
        issues.push({
          path: ['sections', i, 'fields', j],
          code: 'form.fieldInTwoSections',
          params: { field, section: placed.get(field)! },
        });
      else placed.set(field, section.id);
    });
  });
  const states = new Set(form.statusFlow?.states.map((s) => s.id) ?? []);
  const stepStates = new Set<string>();
  form.steps?.forEach((step, i) => {
    if (!states.has(step.status)) issues.push({ path: ['steps', i, 'status'], code: 'form.unknownState', params: { state: step.status } });
    else if (stepStates.has(step.status))
      issues.push({ path: ['steps', i, 'status'], code: 'form.duplicateStep', params: { state: step.status } });
    stepStates.add(step.status);
    step.sections.forEach((section, j) => {
      if (!sectionIds.has(section)) issues.push({ path: ['steps', i, 'sections', j], code: 'form.unknownSection', params: { section } });
    });
  });
  form.statusFlow?.transitions.forEach((transition, i) => {
    if (transition.stamp === undefined) return;
    const field = has(transition.stamp) ? properties[transition.stamp] : undefined;
    if (!field)
      issues.push({ path: ['statusFlow', 'transitions', i, 'stamp'], code: 'form.unknownField', params: { field: transition.stamp } });
    else if (field.format !== 'date-time')
      issues.push({
        path: ['statusFlow', 'transitions', i, 'stamp'],
        code: 'form.fieldKindExpected',
        params: { field: transition.stamp, kind: 'date-time' },
      });
  });
  return issues;
}
