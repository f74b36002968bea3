import { Empty, List } from 'antd';
import { describeOutcome, type Evaluation, type LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';

/** The outcome in plain sentences (deadlines, approvals, fines, amounts, blocks, notices). */
export function OutcomeView({
  evaluation,
  roleLabels,
  statusLabels,
  timeZone,
}: {
  evaluation: Pick<Evaluation, 'outcome'>;
  roleLabels: Record<string, LocalizedText>;
  statusLabels: Record<string, LocalizedText>;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  // Due times in this year leave the year out; others keep it (a warranty end in 2028).
  const now = new Date().toISOString();
  const lines = describeOutcome(evaluation.outcome, { locale, timeZone, roleLabels, statusLabels, now });
  if (lines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bench.noOutcome')} />;
  return (
    <List size="small" bordered dataSource={lines} renderItem={(line) => <List.Item>{line}</List.Item>} aria-label={t('bench.outcome')} />
  );
}
