import type { FormDefinition } from '@aftersales/engine';

/**
 * Whether a form's records are named by a person field (its `recordTitle`, or for a form without
 * one, a person field among its text fields): such titles need the people's display names.
 */
export function titleNamesPeople(form: FormDefinition): boolean {
  const properties = form.schema.properties ?? {};
  const isPerson = (name: string) => properties[name]?.['x-kind'] === 'person';
  return form.recordTitle && form.recordTitle.length > 0 ? form.recordTitle.some(isPerson) : Object.keys(properties).some(isPerson);
}
