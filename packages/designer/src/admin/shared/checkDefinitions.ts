import { loadPack, type CalendarFile, type FormDefinition, type Problem, type RolesFile, type RuleSetFile } from '@aftersales/engine';

export const FORM_FILE = 'form.json';
export const RULES_FILE = 'rules.json';

/** The text a definition is shown and checked as (so problem lines match the JSON view). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export interface CheckInput {
  form: FormDefinition;
  ruleSet?: RuleSetFile;
  /** Other forms the rule set names (history facts counting their records). */
  otherForms?: readonly FormDefinition[];
  calendars: readonly CalendarFile[];
  roles: RolesFile | null;
}

/**
 * The engine's problems for a form (and one of its rule sets) as the server will see them:
 * meta-schema, then semantic checks against the form, calendars and roles.
 */
export function checkDefinitions(input: CheckInput): { form: Problem[]; ruleSet: Problem[] } {
  const files = [
    { path: FORM_FILE, text: toJsonText(withSchema(input.form, './meta/form.schema.json')) },
    ...(input.otherForms ?? [])
      .filter((f) => f.id !== input.form.id)
      .map((f) => ({ path: `forms/${f.id}.form.json`, text: toJsonText(withSchema(f, '../meta/form.schema.json')) })),
    ...input.calendars.map((c) => ({ path: `calendars/${c.id}.calendar.json`, text: toJsonText({ $schema: 'calendar', ...c }) })),
    ...(input.roles ? [{ path: 'roles.json', text: toJsonText({ $schema: 'roles', ...input.roles }) }] : []),
    ...(input.ruleSet ? [{ path: RULES_FILE, text: toJsonText(withSchema(input.ruleSet, '../meta/ruleset.schema.json')) }] : []),
  ];
  const { problems } = loadPack(files);
  return { form: problems.filter((p) => p.file === FORM_FILE), ruleSet: problems.filter((p) => p.file === RULES_FILE) };
}

/** Adds `$schema` at the end when missing, so the lines above stay where the JSON view shows them. */
function withSchema<T extends { $schema?: string }>(definition: T, ref: string): T {
  return definition.$schema ? definition : { ...definition, $schema: ref };
}
