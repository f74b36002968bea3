import { fieldAt, pickText, refusedFieldEdits, type FormDefinition, type RolesFile } from '@aftersales/engine';
import { AppError } from '../../errors/AppError.js';
import type { Editor } from './Editor.js';

/**
 * Refuses a write that changes a field the editor may not change in the record's state (the
 * form's `fieldAccess`), naming each field by its label and who may change it. Unchanged values
 * pass. 403 with a pointer per field.
 */
export function refuseLockedEdits(
  form: FormDefinition,
  change: { before: unknown; after: unknown; status: string | null },
  editor: Editor,
  roles: RolesFile | undefined,
): void {
  if (editor.unrestricted) return;
  const refused = refusedFieldEdits(form, { ...change, policyRoles: editor.policyRoles });
  if (refused.length === 0) return;
  const roleLabel = (id: string, locale: 'zh-CN' | 'en') => {
    const role = roles?.roles.find((r) => r.id === id);
    return role ? pickText(role.label, locale) : id;
  };
  const stateLabel = form.statusFlow?.states.find((s) => s.id === change.status)?.label;
  const details = refused.map(({ field, editableBy }) => {
    const label = fieldAt(form.schema, field)?.label;
    const zh = `“${label ? pickText(label, 'zh-CN') : field}”${stateLabel ? `在“${pickText(stateLabel, 'zh-CN')}”状态下` : ''}只能由${editableBy.map((r) => roleLabel(r, 'zh-CN')).join('、')}修改`;
    const en = `"${label ? pickText(label, 'en') : field}" can only be changed by ${editableBy.map((r) => roleLabel(r, 'en')).join(', ')}${stateLabel ? ` while ${pickText(stateLabel, 'en')}` : ''}`;
    return { pointer: `/data/${field.split('.').join('/')}`, code: 'field.locked', message: en, messageZh: zh };
  });
  throw new AppError('forbidden', details.map((d) => d.message).join('; '), {
    messageZh: details.map((d) => d.messageZh).join('；'),
    details,
  });
}
