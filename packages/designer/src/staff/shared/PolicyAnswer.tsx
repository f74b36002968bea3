import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { Evaluation, FormDefinition, RuleExplanation } from '@aftersales/engine';
import type { RecordDetail } from '../../api/workApi';
import { useApi } from '../../app/ApiContext';
import { personName, usePeople } from '../../shared/people/usePeople';
import { useI18n } from '../../i18n/I18nContext';
import { ExplanationView } from '../../shared/outcome/ExplanationView';
import { OutcomeView } from '../../shared/outcome/OutcomeView';
import { problemText } from '../../shared/problemText';
import { usePolicyText } from './usePolicyText';
import { Loading } from '../../app/Loading';
import { ApprovalStateTag, taskFor } from './ApprovalStateTag';

/**
 * What the policy says about a record, in plain words, with the explanation of every rule one click
 * away. The answer to a submit has no explanation: the first click reads it with the record.
 */
export function PolicyAnswer({
  evaluation,
  recordId,
  form,
  idPrefix,
  approvals,
}: {
  evaluation: Omit<Evaluation, 'explanation'> & { explanation?: RuleExplanation[] };
  recordId: string;
  form: FormDefinition;
  idPrefix: string;
  /** The record's approval tasks: each approval the policy asks for says what became of it (waiting, approved by whom). */
  approvals?: RecordDetail['approvals'];
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const people = usePeople(api);
  const labels = usePolicyText(form);
  const [open, setOpen] = useState(false);
  const [explanation, setExplanation] = useState(evaluation.explanation);
  const [error, setError] = useState<string | null>(null);
  const panel = `${idPrefix}-explanation`;
  const toggle = () => {
    setOpen(!open);
    if (open || explanation) return;
    setError(null);
    api.work.record(recordId).then(
      (record) => setExplanation(record.evaluation.explanation),
      (e: unknown) => setError(problemText(e, t, locale)),
    );
  };
  return (
    <div className="policy-answer">
      <OutcomeView
        evaluation={evaluation}
        roleLabels={labels.roleLabels}
        statusLabels={labels.statusLabels}
        timeZone={labels.timeZone}
        approvalState={
          approvals &&
          ((approval) => {
            const task = taskFor(approvals, approval);
            return task && <ApprovalStateTag task={task} people={people} />;
          })
        }
      />
      <Button type="link" aria-expanded={open} aria-controls={panel} onClick={toggle} style={{ paddingInline: 0 }}>
        {open ? t('staff.hideWhy') : t('staff.showWhy')}
      </Button>
      <div id={panel} hidden={!open}>
        {open && error && <Alert type="error" showIcon title={error} />}
        {open &&
          !error &&
          (explanation ? (
            <ExplanationView explanation={explanation} timeZone={labels.timeZone} personName={(username) => personName(people, username)} />
          ) : (
            <Loading />
          ))}
      </div>
    </div>
  );
}
