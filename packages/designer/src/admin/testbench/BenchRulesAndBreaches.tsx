import { Card, Empty, Typography } from 'antd';
import type { Evaluation, FormDefinition, LocalizedText, RuleSetFile } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { RuleSentence } from '../rules/RuleSentence';

/** On the test bench: each rule the case fires as a sentence, and the fines and reminders its deadlines would post. */
export function BenchRulesAndBreaches({
  evaluation,
  form,
  ruleSet,
  roleLabels,
  timeZone,
}: {
  evaluation: Evaluation;
  form: FormDefinition;
  ruleSet: RuleSetFile;
  roleLabels: Record<string, LocalizedText>;
  timeZone: string;
}) {
  const { t, text, locale } = useI18n();
  const fired = evaluation.explanation.filter((r) => r.fired);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(iso));
  const money = (amount: number) => `¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount)}`;
  const role = (id: string) => (roleLabels[id] ? text(roleLabels[id]) : id);
  const deadlines = evaluation.outcome.deadlines.filter((d) => d.breachFines.length > 0 || d.remindAt);
  return (
    <>
      <Card size="small" title={t('bench.firedRules', { count: fired.length })}>
        {fired.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bench.noneFired')} />
        ) : (
          <ol aria-label={t('bench.firedRules', { count: fired.length })} style={{ margin: 0, paddingLeft: 18 }}>
            {fired.map((r) => {
              const rule = ruleSet.rules.find((x) => x.name === r.rule);
              return (
                <li key={r.rule} style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{rule ? text(rule.title) : r.rule}</Typography.Text>
                  {rule && <RuleSentence rule={rule} form={form} ruleSet={ruleSet} roleLabels={roleLabels} style={{ fontSize: 13 }} />}
                </li>
              );
            })}
          </ol>
        )}
      </Card>
      <Card size="small" title={t('bench.breaches')}>
        {deadlines.length === 0 ? (
          <Typography.Text type="secondary">{t('bench.noBreaches')}</Typography.Text>
        ) : (
          <ul aria-label={t('bench.breaches')} style={{ margin: 0, paddingLeft: 18 }}>
            {deadlines.map((d) => (
              <li key={d.key} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{text(d.what)}</Typography.Text>
                {d.dueAt && <span> · {t('bench.dueAt', { time: time(d.dueAt) })}</span>}
                {d.remindAt && (
                  <div>{t('bench.reminder', { time: time(d.remindAt), who: d.owner ? role(d.owner.role) : t('bench.nobody') })}</div>
                )}
                {d.breachFines.map((f, i) => (
                  <div key={i}>
                    <Typography.Text type={d.state === 'breached' ? 'danger' : undefined}>
                      {t(d.state === 'breached' ? 'bench.finePosted' : 'bench.fineIfLate', {
                        who: `${role(f.payer.role)}${f.payer.person ? `（${f.payer.person}）` : ''}`,
                        amount: money(f.amount),
                        reason: text(f.reason),
                      })}
                    </Typography.Text>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
