import { useState } from 'react';
import { Button } from 'antd';
import type { Evaluation, FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { ExplanationView } from '../../shared/outcome/ExplanationView';
import { OutcomeView } from '../../shared/outcome/OutcomeView';
import { usePolicyText } from './usePolicyText';

/** What the policy says about a record, in plain words, with the explanation of every rule one click away. */
export function PolicyAnswer({ evaluation, form, idPrefix }: { evaluation: Evaluation; form: FormDefinition; idPrefix: string }) {
  const { t } = useI18n();
  const labels = usePolicyText(form);
  const [open, setOpen] = useState(false);
  const panel = `${idPrefix}-explanation`;
  return (
    <div className="policy-answer">
      <OutcomeView evaluation={evaluation} roleLabels={labels.roleLabels} statusLabels={labels.statusLabels} timeZone={labels.timeZone} />
      <Button type="link" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)} style={{ paddingInline: 0 }}>
        {open ? t('staff.hideWhy') : t('staff.showWhy')}
      </Button>
      <div id={panel} hidden={!open}>
        {open && <ExplanationView evaluation={evaluation} />}
      </div>
    </div>
  );
}
