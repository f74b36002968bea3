import { lockedFields, type FormDefinition } from '@aftersales/engine';

/**
 * The form as one person edits a record in a state: the fields its `fieldAccess` locks for them
 * are read-only (the server refuses their changes anyway). Admins are not restricted.
 */
export function lockForEditor(
  form: FormDefinition,
  status: string | null,
  editor: { policyRoles: readonly string[]; admin: boolean },
): FormDefinition {
  if (editor.admin) return form;
  const locked = lockedFields(form, status, editor.policyRoles);
  if (locked.length === 0) return form;
  const uiSchema: Record<string, unknown> = structuredClone(form.uiSchema ?? {});
  for (const { field } of locked) {
    let node = uiSchema;
    for (const segment of field.split('.')) {
      const child = node[segment];
      node = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : (node[segment] = {});
    }
    node['ui:readonly'] = true;
  }
  return { ...form, uiSchema };
}
