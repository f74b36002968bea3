import { fieldAt, pickText, refusedFieldEdits, type FormDefinition, type RolesFile } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
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
  const labelOf = (field: string, locale: 'zh-CN' | 'en') => {
    const label = fieldAt(form.schema, field)?.label;
    return label ? pickText(label, locale) : field;
  };
  const details = refused.map(({ field, editableBy }) =>
    domainDetail(`/data/${field.split('.').join('/')}`, 'field.locked', {
      labelZh: labelOf(field, 'zh-CN'),
      labelEn: labelOf(field, 'en'),
      stateZh: stateLabel ? `在“${pickText(stateLabel, 'zh-CN')}”状态下` : '',
      stateEn: stateLabel ? ` while ${pickText(stateLabel, 'en')}` : '',
      rolesZh: editableBy.map((r) => roleLabel(r, 'zh-CN')).join('、'),
      rolesEn: editableBy.map((r) => roleLabel(r, 'en')).join(', '),
    }),
  );
  throw new DomainError(
    'fields.locked',
    {
      fieldsZh: refused.map(({ field }) => `“${labelOf(field, 'zh-CN')}”`).join('、'),
      fieldsEn: refused.map(({ field }) => `"${labelOf(field, 'en')}"`).join(', '),
    },
    { details },
  );
}
