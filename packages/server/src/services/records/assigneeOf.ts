import type { FormDefinition } from '@aftersales/engine';

/**
 * Who a record is assigned to: the value of the form's assignment field (a person's user name), or
 * `fallback` when the form declares no assignment. Clearing the field unassigns the record.
 */
export function assigneeOf(form: FormDefinition, data: unknown, fallback: string | null): string | null {
  if (!form.assignment) return fallback;
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[form.assignment.field] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
