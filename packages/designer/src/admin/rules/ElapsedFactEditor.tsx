import { Select, Space } from 'antd';
import type { ElapsedFact, LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';

/** Time between two date fields (or until now): working time on a calendar, or calendar hours/days. */
export function ElapsedFactEditor({
  spokenName,
  fact,
  onChange,
  dateFields,
  calendars,
  invalidAt,
}: {
  /** The fact as people read it (never its code): its controls are named after it. */
  spokenName: string;
  fact: ElapsedFact;
  onChange: (next: ElapsedFact) => void;
  dateFields: { name: string; label: LocalizedText }[];
  calendars: { id: string; label: LocalizedText }[];
  invalidAt: (...path: string[]) => boolean;
}) {
  const { t, text } = useI18n();
  const fieldOptions = dateFields.map((f) => ({ value: f.name, label: text(f.label) }));
  const status = (part: string) => (invalidAt(part) ? ('error' as const) : undefined);
  return (
    <Space wrap>
      <span>{t('facts.from')}</span>
      <Select
        aria-label={t('facts.fromOf', { fact: spokenName })}
        status={status('from')}
        style={{ width: 180 }}
        value={fact.from || undefined}
        onChange={(from: string) => onChange({ ...fact, from })}
        options={fieldOptions}
      />
      <span>{t('facts.to')}</span>
      <Select
        aria-label={t('facts.toOf', { fact: spokenName })}
        status={status('to')}
        style={{ width: 180 }}
        allowClear
        placeholder={t('facts.toNow')}
        value={fact.to}
        onChange={(to?: string) => {
          const next = { ...fact };
          if (to) next.to = to;
          else delete next.to;
          onChange(next);
        }}
        options={fieldOptions}
      />
      {(fact.kind === 'workingHours' || fact.kind === 'workingDays') && (
        <Select
          aria-label={t('facts.calendarOf', { fact: spokenName })}
          status={status('calendar')}
          style={{ width: 180 }}
          allowClear
          placeholder={t('facts.defaultCalendar')}
          value={fact.calendar}
          onChange={(calendar?: string) => {
            const next = { ...fact };
            if (calendar) next.calendar = calendar;
            else delete next.calendar;
            onChange(next);
          }}
          options={calendars.map((c) => ({ value: c.id, label: text(c.label) }))}
        />
      )}
    </Space>
  );
}
