import type { ReactNode } from 'react';
import { Empty, List, Space } from 'antd';
import type { Approval, Evaluation, LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { outcomeLines } from './outcomeLines';

/** The outcome in plain sentences (deadlines, approvals, fines, amounts, blocks, notices). */
export function OutcomeView({
  evaluation,
  roleLabels,
  statusLabels,
  timeZone,
  approvalState,
}: {
  evaluation: Pick<Evaluation, 'outcome'>;
  roleLabels: Record<string, LocalizedText>;
  statusLabels: Record<string, LocalizedText>;
  timeZone: string;
  /** What became of an approval the outcome asks for, shown after its sentence (a record's page: asked, approved, rejected). */
  approvalState?: (approval: Approval) => ReactNode;
}) {
  const { t, locale } = useI18n();
  // Due times in this year leave the year out; others keep it (a warranty end in 2028).
  const now = new Date().toISOString();
  const lines = outcomeLines(evaluation.outcome, { locale, timeZone, roleLabels, statusLabels, now });
  if (lines.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bench.noOutcome')} />;
  return (
    <List
      size="small"
      bordered
      dataSource={lines}
      renderItem={(line) => {
        const state = line.approval && approvalState?.(line.approval);
        return (
          <List.Item>
            {state ? (
              <Space wrap size={[8, 4]}>
                <span>{line.text}</span>
                {state}
              </Space>
            ) : (
              line.text
            )}
          </List.Item>
        );
      }}
      aria-label={t('bench.outcome')}
    />
  );
}
