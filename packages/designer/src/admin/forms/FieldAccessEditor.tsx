import { useId } from 'react';
import { Alert, Card, Form, Select, Typography } from 'antd';
import type { FormDefinition, RolesFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { fieldAccessOf, setFieldAccess } from './fieldAccessModel';

/** Who may change the selected field, in which states: role and state pickers, no JSON (the form's fieldAccess). */
export function FieldAccessEditor({
  form,
  field,
  roles,
  onChange,
}: {
  form: FormDefinition;
  /** Dot path of the field. */
  field: string;
  roles: RolesFile | null;
  onChange: (next: FormDefinition) => void;
}) {
  const { t, text } = useI18n();
  const idBase = useId();
  const choice = fieldAccessOf(form, field);
  const states = form.statusFlow?.states ?? [];
  const set = (patch: Partial<typeof choice>) => onChange(setFieldAccess(form, field, { ...choice, ...patch }));
  return (
    <Card size="small" title={t('fieldAccess.title')} style={{ marginTop: 12 }}>
      <Typography.Paragraph type="secondary">{t('fieldAccess.explain')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('fieldAccess.editableBy')} htmlFor={`${idBase}-roles`} help={t('fieldAccess.editableByHelp')}>
          <Select
            id={`${idBase}-roles`}
            mode={roles ? 'multiple' : 'tags'}
            allowClear
            optionFilterProp="label"
            value={choice.editableBy}
            placeholder={t('fieldAccess.anyone')}
            onChange={(editableBy: string[]) => set({ editableBy })}
            options={(roles?.roles ?? []).map((r) => ({ value: r.id, label: text(r.label) }))}
          />
        </Form.Item>
        <Form.Item label={t('fieldAccess.inStates')} htmlFor={`${idBase}-states`} help={t('fieldAccess.inStatesHelp')}>
          <Select
            id={`${idBase}-states`}
            mode="multiple"
            allowClear
            optionFilterProp="label"
            disabled={choice.editableBy.length === 0 || states.length === 0}
            value={choice.inStates}
            placeholder={t('fieldAccess.everyState')}
            onChange={(inStates: string[]) => set({ inStates })}
            options={states.map((s) => ({ value: s.id, label: text(s.label) }))}
          />
        </Form.Item>
      </Form>
      {choice.more && <Alert type="info" showIcon title={t('fieldAccess.more')} />}
    </Card>
  );
}
