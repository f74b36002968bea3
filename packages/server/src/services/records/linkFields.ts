import { pickText, type FormDefinition, type LinkMove, type RecordSchema } from '@aftersales/engine';
import type { RecordLink } from '../../store/recordLinks.js';

/** The top-level link fields of a form, with the form each links to. */
export function linkFields(form: FormDefinition): { field: string; schema: RecordSchema; form: string }[] {
  return Object.entries(form.schema.properties ?? {}).flatMap(([field, schema]) =>
    schema['x-kind'] === 'link' && typeof schema['x-linkForm'] === 'string' ? [{ field, schema, form: schema['x-linkForm'] }] : [],
  );
}

/** The records a record's data links to (filled link fields only). */
export function linksOf(form: FormDefinition, data: unknown): RecordLink[] {
  const values = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return linkFields(form).flatMap(({ field }) => {
    const value = values[field];
    return typeof value === 'string' && value.trim() !== '' ? [{ field, toId: value }] : [];
  });
}

/** Whether a link move's condition holds for a record (its status and the value of its `when` field). */
export function moveApplies(move: LinkMove, record: { status: string | null; data: Record<string, unknown> } | null): boolean {
  if (!record) return false;
  if (move.status !== undefined && record.status !== move.status) return false;
  return move.when === undefined || record.data[move.when.field] === move.when.equals;
}

/** A field's label in both languages (its name when it has none). */
export function fieldLabel(schema: RecordSchema, name: string): { zh: string; en: string } {
  const title = schema['x-title'];
  return title ? { zh: pickText(title, 'zh-CN'), en: pickText(title, 'en') } : { zh: name, en: name };
}
