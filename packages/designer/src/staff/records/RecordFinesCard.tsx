import { useState } from 'react';
import { Alert, Button, Card, List, Tag, Typography } from 'antd';
import type { Person } from '../../api/fieldworkApi';
import type { FineEntry } from '../../api/workApi';
import { useFeedback } from '../../app/Feedback';
import { useI18n } from '../../i18n/I18nContext';
import { formatDateTime, formatMoney } from '../../shared/format';
import { FineCorrectionDialog } from '../fines/FineCorrectionDialog';
import { FineCorrectionNote } from '../fines/FineCorrectionNote';
import { fineCorrections } from '../fines/fineCorrections';
import type { usePolicyText } from '../shared/usePolicyText';
import type { RecordFines } from './useRecordFines';

/**
 * The fines posted on a record, as the fines ledger holds them (for those the ledger is for; read by
 * the page, `useRecordFines`): how much, who pays, the rule's reason, when; a waived or corrected fine
 * says so, by whom and why, and the others offer the ledger's waive-or-correct. Nothing when the
 * record has none.
 */
export function RecordFinesCard({
  fines,
  policy,
  people,
  onCorrected,
}: {
  fines: RecordFines;
  policy: ReturnType<typeof usePolicyText>;
  people: readonly Person[] | null;
  /** A fine was waived or corrected here (its fines are read again; the page's history may be too). */
  onCorrected: () => void;
}) {
  const { t, text, locale } = useI18n();
  const { message } = useFeedback();
  const { ledger, error, loadingMore, more, reload } = fines;
  const [correcting, setCorrecting] = useState<FineEntry | null>(null);
  const title = <h3 className="card-heading">{t('staff.detail.fines')}</h3>;
  if (error)
    return (
      <Card className="staff-card" title={title}>
        <Alert type="error" showIcon role="alert" title={error} />
      </Card>
    );
  if (!ledger || ledger.items.length === 0) return null;

  const corrections = fineCorrections(ledger.items);
  const when = (iso: string) => formatDateTime(iso, locale, policy.timeZone);
  // A person by their display name, with the role they pay as; a role alone when the rule named no one.
  const payer = (f: FineEntry) =>
    f.personName ? t('staff.fines.payerWithRole', { person: f.personName, role: policy.role(f.payerRole) }) : policy.role(f.payerRole);
  return (
    <Card
      className="staff-card record-fines"
      title={title}
      extra={<Typography.Text strong>{t('staff.detail.finesTotal', { amount: formatMoney(ledger.total, locale) })}</Typography.Text>}
    >
      <List<FineEntry>
        size="small"
        // Reversals are not fines of their own here: the fine they cancel says it was waived or corrected.
        dataSource={ledger.items.filter((f) => f.origin !== 'reversal')}
        rowKey="id"
        renderItem={(f) => {
          const correction = corrections.get(f.id);
          return (
            <List.Item>
              <div className="record-fine">
                <div className="record-fine-head">
                  <Typography.Text strong delete={!!correction}>
                    {formatMoney(f.amount, locale)}
                  </Typography.Text>
                  <span>{payer(f)}</span>
                  {correction && (
                    <Tag>
                      {correction.replacement
                        ? t('staff.fines.correctedTag', { amount: formatMoney(correction.replacement.amount, locale) })
                        : t('staff.fines.waivedTag')}
                    </Tag>
                  )}
                </div>
                <div>{text(f.reason)}</div>
                <Typography.Text type="secondary" className="fine-note">
                  {when(f.postedAt)} · {t(`staff.fines.origin.${f.origin}`)}
                </Typography.Text>
                {correction && <FineCorrectionNote fine={correction.reversal} people={people} at={when(correction.reversal.postedAt)} />}
                {!correction && (
                  <Button className="record-fine-action" onClick={() => setCorrecting(f)}>
                    {t('staff.fines.correct')}
                  </Button>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      {ledger.nextCursor && (
        <Button onClick={more} loading={loadingMore}>
          {t('list.more')}
        </Button>
      )}
      {correcting && (
        <FineCorrectionDialog
          fine={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            void message.success(t('staff.fines.corrected'));
            reload();
            onCorrected();
          }}
        />
      )}
    </Card>
  );
}
