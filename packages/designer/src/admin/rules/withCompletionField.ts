import type { FormDefinition, LocalizedText } from '@aftersales/engine';
import { fieldAt } from '@aftersales/engine';

/**
 * The form with a date-time field for a deadline's completion ("到场 完成时间"), when the form lacks
 * it; undefined when the field is already there or the name is not a plain top-level field name.
 */
export function withCompletionField(form: FormDefinition, field: string, what: LocalizedText): FormDefinition | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field) || fieldAt(form.schema, field)) return undefined;
  const next = structuredClone(form);
  next.schema.properties = {
    ...next.schema.properties,
    [field]: { type: 'string', format: 'date-time', 'x-title': { 'zh-CN': `${what['zh-CN']}完成时间`, en: `${what.en} done at` } },
  };
  return next;
}
