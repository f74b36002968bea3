import type { FormDefinition } from '@aftersales/engine';

/** The ids of the forms a form's link fields name (`x-linkForm`), each once. */
export function linkTargets(form: FormDefinition): string[] {
  const targets = Object.values(form.schema.properties ?? {}).flatMap((node) =>
    node['x-kind'] === 'link' && typeof node['x-linkForm'] === 'string' && node['x-linkForm'] !== '' ? [node['x-linkForm']] : [],
  );
  return [...new Set(targets)];
}
