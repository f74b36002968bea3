import type { FormDefinition, RecordSchema } from './FormDefinition.js';
import type { SemanticIssue } from '../rules/SemanticIssue.js';
import { enumKey } from './enumKey.js';
import { findNonSchemas } from './findNonSchemas.js';
import { fieldAt } from './fieldAt.js';
import { compileRecordSchema } from '../validation/compileRecordSchema.js';
import { checkPatterns } from './checkPatterns.js';
import { checkEnvelope } from './checkEnvelope.js';
import { checkSteps } from './checkSteps.js';
import { checkFieldChecks } from './checkFieldChecks.js';

type Path = (string | number)[];

/** The semantic checks of a form definition, beyond its meta-schema. */
export function checkForm(form: FormDefinition, roles?: ReadonlySet<string>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  // A refused pattern is reported at its keyword; the schema is compiled once they all pass.
  const patternIssues = checkPatterns(form.schema, ['schema']);
  issues.push(...patternIssues);
  const compiled = patternIssues.length === 0 ? compileRecordSchema(form.schema, { strict: true }) : undefined;
  if (compiled && !compiled.ok) issues.push({ path: ['schema'], code: 'form.schemaInvalid', params: { detail: compiled.message } });
  issues.push(...findNonSchemas(form.schema, ['schema']));
  issues.push(...checkEnumTitles(form.schema, ['schema']));
  if (roles) {
    form.filledBy?.forEach((role, i) => {
      if (!roles.has(role)) issues.push({ path: ['filledBy', i], code: 'form.unknownRole', params: { role } });
    });
  }
  form.recordTitle?.forEach((field, i) => {
    if (!fieldAt(form.schema, field)) issues.push({ path: ['recordTitle', i], code: 'form.unknownField', params: { field } });
  });
  if (form.statusFlow) issues.push(...checkStatusFlow(form.statusFlow));
  issues.push(...checkFieldAccess(form, roles));
  issues.push(...checkEnvelope(form, roles));
  issues.push(...checkSteps(form));
  issues.push(...checkFieldChecks(form.schema));
  return issues;
}

/** Field access names fields of the schema, states of the flow and (with a roles file) known roles. */
function checkFieldAccess(form: FormDefinition, roles?: ReadonlySet<string>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const states = new Set(form.statusFlow?.states.map((s) => s.id) ?? []);
  form.fieldAccess?.forEach((entry, i) => {
    entry.fields.forEach((field, j) => {
      if (!fieldAt(form.schema, field))
        issues.push({ path: ['fieldAccess', i, 'fields', j], code: 'form.unknownField', params: { field } });
    });
    if (roles)
      entry.editableBy.forEach((role, j) => {
        if (!roles.has(role)) issues.push({ path: ['fieldAccess', i, 'editableBy', j], code: 'form.unknownRole', params: { role } });
      });
    entry.inStates?.forEach((state, j) => {
      if (!states.has(state)) issues.push({ path: ['fieldAccess', i, 'inStates', j], code: 'form.unknownState', params: { state } });
    });
  });
  return issues;
}

function checkStatusFlow(flow: NonNullable<FormDefinition['statusFlow']>): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const ids = new Set<string>();
  flow.states.forEach((state, i) => {
    if (ids.has(state.id))
      issues.push({ path: ['statusFlow', 'states', i, 'id'], code: 'form.duplicateState', params: { state: state.id } });
    ids.add(state.id);
  });
  if (!ids.has(flow.initial)) issues.push({ path: ['statusFlow', 'initial'], code: 'form.unknownState', params: { state: flow.initial } });
  const finals = new Set(flow.states.filter((s) => s.final).map((s) => s.id));
  flow.transitions.forEach((transition, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(transition[end]))
        issues.push({ path: ['statusFlow', 'transitions', i, end], code: 'form.unknownState', params: { state: transition[end] } });
    }
    if (finals.has(transition.from))
      issues.push({ path: ['statusFlow', 'transitions', i, 'from'], code: 'form.transitionFromFinal', params: { state: transition.from } });
  });
  return issues;
}

/** Every option of every choice field needs a label in both languages. */
function checkEnumTitles(schema: RecordSchema, path: Path): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  if (typeof schema !== 'object' || schema === null) return issues; // reported by findNonSchemas
  if (Array.isArray(schema.enum)) {
    const titles = schema['x-enumTitles'] ?? {};
    schema.enum.forEach((value, i) => {
      const label = enumKey(value);
      if (value !== null && !Object.hasOwn(titles, label)) {
        issues.push({ path: [...path, 'enum', i], code: 'form.missingEnumTitle', params: { value: label } });
      }
    });
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) issues.push(...checkEnumTitles(child, [...path, 'properties', key]));
  for (const [key, child] of Object.entries(schema.definitions ?? {}))
    issues.push(...checkEnumTitles(child, [...path, 'definitions', key]));
  if (schema.items && !Array.isArray(schema.items)) issues.push(...checkEnumTitles(schema.items, [...path, 'items']));
  return issues;
}
