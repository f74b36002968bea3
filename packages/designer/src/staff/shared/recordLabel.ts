import type { FormDefinition } from '@aftersales/engine';

/**
 * A short name for a record in lists: its first filled text field in the form's order (ticket
 * number, customer, item...), falling back to the start of its id.
 */
export function recordLabel(form: FormDefinition | undefined, record: { id: string; data: Record<string, unknown> }): string {
  const properties = (form?.schema.properties ?? {}) as Record<string, { type?: unknown; format?: unknown; 'x-kind'?: unknown }>;
  for (const [name, property] of Object.entries(properties)) {
    const value = record.data[name];
    if (property.type === 'string' && !property.format && property['x-kind'] !== 'photo' && typeof value === 'string' && value.trim())
      return value.trim().length > 40 ? `${value.trim().slice(0, 39)}…` : value.trim();
  }
  return record.id.slice(0, 8);
}
