import type { FieldAccess, FormDefinition } from '@aftersales/engine';

/** Who may change one field, as the field panel edits it: roles and states (empty: every state). */
export interface FieldAccessChoice {
  editableBy: string[];
  inStates: string[];
  /** The field is in more than one entry: the panel shows the first; the JSON view has all. */
  more: boolean;
}

/** The field's access as the panel shows it (the first entry that names it). */
export function fieldAccessOf(form: Pick<FormDefinition, 'fieldAccess'>, field: string): FieldAccessChoice {
  const entries = (form.fieldAccess ?? []).filter((e) => e.fields.includes(field));
  const first = entries[0];
  return { editableBy: first?.editableBy ?? [], inStates: first?.inStates ?? [], more: entries.length > 1 };
}

/**
 * Sets who may change one field: the field leaves every entry (emptied entries go), then joins the
 * entry with the same roles and states or a new one. No roles: the field is free to change.
 */
export function setFieldAccess<F extends Pick<FormDefinition, 'fieldAccess'>>(
  form: F,
  field: string,
  choice: { editableBy: string[]; inStates: string[] },
): F {
  const entries: FieldAccess[] = (form.fieldAccess ?? [])
    .map((e) => ({ ...e, fields: e.fields.filter((f) => f !== field) }))
    .filter((e) => e.fields.length > 0);
  if (choice.editableBy.length > 0) {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const match = entries.find((e) => same(e.editableBy, choice.editableBy) && same(e.inStates ?? [], choice.inStates));
    if (match) match.fields = [...match.fields, field];
    else
      entries.push({
        fields: [field],
        editableBy: choice.editableBy,
        ...(choice.inStates.length > 0 ? { inStates: choice.inStates } : {}),
      });
  }
  const next = { ...form };
  if (entries.length > 0) next.fieldAccess = entries;
  else delete next.fieldAccess;
  return next;
}

/** Renames a field in the access entries (a field's key changed in the panel). */
export function renameFieldAccess<F extends Pick<FormDefinition, 'fieldAccess'>>(form: F, from: string, to: string): F {
  if (!form.fieldAccess) return form;
  return { ...form, fieldAccess: form.fieldAccess.map((e) => ({ ...e, fields: e.fields.map((f) => (f === from ? to : f)) })) };
}
