import type { FormDefinition, FormSection, StepView } from '@aftersales/engine';

/** A form with its sections replaced: steps lose sections that are gone; none left drops the keys. */
export function withSections(form: FormDefinition, sections: FormSection[]): FormDefinition {
  const next = { ...form };
  const ids = new Set(sections.map((s) => s.id));
  const steps = (form.steps ?? [])
    .map((s) => ({ ...s, sections: s.sections.filter((id) => ids.has(id)) }))
    .filter((s) => s.sections.length > 0);
  if (sections.length > 0) next.sections = sections;
  else delete next.sections;
  return withStepsList(next, steps);
}

/** A form whose step for `status` shows `sections` (none: the status shows every section). */
export function withStep(form: FormDefinition, status: string, sections: string[]): FormDefinition {
  const others = (form.steps ?? []).filter((s) => s.status !== status);
  const order = form.statusFlow?.states.map((s) => s.id) ?? [];
  const steps: StepView[] = sections.length > 0 ? [...others, { status, sections }] : others;
  steps.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return withStepsList(form, steps);
}

function withStepsList(form: FormDefinition, steps: StepView[]): FormDefinition {
  const next = { ...form };
  if (steps.length > 0) next.steps = steps;
  else delete next.steps;
  return next;
}

/** A new section's id, free among the form's sections (people never see it). */
export function newSectionId(sections: readonly FormSection[]): string {
  let n = sections.length + 1;
  while (sections.some((s) => s.id === `section${n}`)) n++;
  return `section${n}`;
}
