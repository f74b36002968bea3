import { Button, Typography } from 'antd';
import { fieldAt, stampOf, type FormDefinition } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';

/**
 * One move open to a record. A one-tap step (the move stamps a time field) reads as the step itself
 * ("已到场") and says which time it records as now; the server stamps it in the same request. A move
 * guarded by an approval or block is disabled, with the reason. Beside a one-tap step, the other
 * moves (转为“未完成”) are plain buttons: the step is the usual way on.
 */
export function StepButton({
  form,
  from,
  to,
  guards,
  busy,
  statusLabel,
  onMove,
  besideStep = false,
}: {
  form: FormDefinition;
  from: string | null;
  to: string;
  guards: { message: string; messageZh?: string | undefined }[];
  busy: boolean;
  statusLabel: string;
  /** Another move of the record is a one-tap step. */
  besideStep?: boolean;
  onMove: () => void;
}) {
  const { t, text, locale } = useI18n();
  const stamp = stampOf(form, from, to);
  const reasonId = `guard-${to}`;
  const noteId = `stamp-${to}`;
  const describedBy = [guards.length > 0 ? reasonId : '', stamp ? noteId : ''].filter(Boolean).join(' ');
  return (
    <div className="transition">
      <Button
        type={stamp || !besideStep ? 'primary' : 'default'}
        size="large"
        disabled={guards.length > 0}
        loading={busy}
        aria-describedby={describedBy || undefined}
        onClick={onMove}
        className={stamp ? 'step-button' : undefined}
      >
        {stamp ? statusLabel : t('staff.detail.moveTo', { status: statusLabel })}
      </Button>
      {stamp && (
        <Typography.Text id={noteId} type="secondary" className="stamp-note">
          {t('steps.stampsNow', { field: text(fieldAt(form.schema, stamp)?.label) || stamp })}
        </Typography.Text>
      )}
      {guards.length > 0 && (
        <Typography.Text id={reasonId} type="warning" className="guard-reason">
          {guards.map((g) => (locale === 'zh-CN' && g.messageZh ? g.messageZh : g.message)).join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
