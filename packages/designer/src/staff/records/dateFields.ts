import type { FormDefinition, LocalizedText } from '@aftersales/engine';

/** The date and date-time fields of a form (top level and in groups), by path with their labels: what the records list can filter on. */
export function dateFields(form: FormDefinition | undefined): { path: string; label: LocalizedText | undefined }[] {
  const found: { path: string; label: LocalizedText | undefined }[] = [];
  const walk = (schema: FormDefinition['schema'] | undefined, prefix: string, depth: number) => {
    for (const [name, child] of Object.entries(schema?.properties ?? {})) {
      if (!child || typeof child !== 'object') continue;
      const path = prefix ? `${prefix}.${name}` : name;
      if (child.type === 'string' && (child.format === 'date' || child.format === 'date-time'))
        found.push({ path, label: child['x-title'] });
      else if (child.type === 'object' && depth < 2) walk(child, path, depth + 1);
    }
  };
  walk(form?.schema, '', 0);
  return found;
}
