import type { FormDefinition, FormSection } from './FormDefinition.js';

/** The id of the section that gathers the fields no declared section names. */
export const OTHER_FIELDS_SECTION = '_otherFields';

/**
 * How a record in `status` is laid out: the step's own sections first (`current`), then every
 * other section (`others`, shown collapsed), the fields no section names last as one section of
 * their own (id `_otherFields`, label empty: the page names it). A form without sections gives
 * null (one plain list of fields). Without a step for the status, every section is current.
 * Field names follow the form's `ui:order` within a section when it has one.
 */
export function stepView(
  form: FormDefinition,
  status: string | null | undefined,
): { current: FormSection[]; others: FormSection[] } | null {
  const sections = form.sections ?? [];
  if (sections.length === 0) return null;
  const names = Object.keys(form.schema.properties ?? {});
  const named = new Set(sections.flatMap((s) => s.fields));
  const rest = names.filter((n) => !named.has(n));
  const all: FormSection[] = [
    ...sections.map((s) => ({ ...s, fields: s.fields.filter((f) => names.includes(f)) })),
    ...(rest.length > 0 ? [{ id: OTHER_FIELDS_SECTION, label: { 'zh-CN': '', en: '' }, fields: rest }] : []),
  ];
  const step = form.steps?.find((s) => s.status === status);
  if (!step) return { current: all, others: [] };
  const current = step.sections.map((id) => all.find((s) => s.id === id)).filter((s): s is FormSection => s !== undefined);
  return { current, others: all.filter((s) => !step.sections.includes(s.id)) };
}

/** The transition from `from` to `to` when it stamps a field (a one-tap step), else undefined. */
export function stampOf(form: FormDefinition, from: string | null, to: string): string | undefined {
  return form.statusFlow?.transitions.find((t) => t.from === from && t.to === to)?.stamp;
}
