import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { FormDefinition, RuleDefinition } from '@aftersales/engine';
import { useApi } from '../../app/ApiContext';
import { useI18n } from '../../i18n/I18nContext';
import { useFeedback } from '../../app/Feedback';
import { errorText } from '../shared/errorText';
import { withCompletionField } from './withCompletionField';

/**
 * When a rule's deadline is met by a field the form lacks, says so and offers to add it to the
 * form's draft as a date-time field (labelled after the deadline); the form is published as usual.
 */
export function MissingCompletionField({
  rule,
  form,
  onFormChanged,
}: {
  rule: RuleDefinition;
  form: FormDefinition;
  onFormChanged: (next: FormDefinition) => void;
}) {
  const api = useApi();
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  if (rule.event.type !== 'deadline') return null;
  const { metBy, what } = rule.event.params;
  if (!metBy) return null;
  const next = withCompletionField(form, metBy, what);
  if (!next) return null;
  const add = async () => {
    setBusy(true);
    try {
      const detail = await api.forms.get(form.id);
      const current = detail.draft?.definition ?? detail.published?.definition ?? form;
      const updated = withCompletionField(current, metBy, what) ?? current;
      await api.forms.saveDraft(form.id, updated);
      onFormChanged(updated);
      void message.success(t('completion.added', { field: text(updated.schema.properties?.[metBy]?.['x-title'] ?? what) }));
    } catch (e) {
      void message.error(errorText(e, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={t('completion.missing', { what: text(what), form: text(form.title) })}
      action={
        <Button size="small" type="primary" loading={busy} onClick={() => void add()}>
          {t('completion.add')}
        </Button>
      }
    />
  );
}
