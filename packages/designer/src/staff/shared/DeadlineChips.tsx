import { Space, Tag, Tooltip } from 'antd';
import { pickText } from '@aftersales/engine';
import type { DeadlineRow } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';
import { chipOf, lateMsOf, type ChipState } from './deadlineChip';
import { formatDateTime, formatDuration } from '../../shared/format';
import type { Translate } from '../../i18n/I18nContext';

/** Solid chips with white text: dark enough for 4.5:1 contrast (the preset light tags are not). */
export const CHIP_COLORS: Record<ChipState, string> = {
  onTime: '#0958d9',
  dueSoon: '#ad4e00',
  overdue: '#cf1322',
  met: '#237804',
  metLate: '#595959',
  none: 'default',
};

/** One chip per deadline of a record: what, its state at the server's time, and the due time on hover and for screen readers. */
export function DeadlineChips({ rows, now, timeZone }: { rows: DeadlineRow[]; now: string; timeZone: string }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {rows.map((row) => {
        const chip = chipOf(row, now);
        const label = chipLabel(t, chip, row, now, locale);
        const what = pickText(row.deadline.what, locale);
        const due = row.dueAt ? t('staff.chip.dueAt', { time: formatDateTime(row.dueAt, locale, timeZone) }) : t('staff.chip.noDue');
        return (
          <Tooltip key={row.key} title={due}>
            <Tag color={CHIP_COLORS[chip]} className={`chip chip-${chip}`} aria-label={`${what}: ${label}, ${due}`}>
              {what} · {label}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}

/** A chip's words: "met 2 h late" (迟到 2小时 完成) for one met after its due time. */
export function chipLabel(
  t: Translate,
  chip: ChipState,
  row: { dueAt: string | null; deadline?: { metAt: string | null } },
  now: string,
  locale: Parameters<typeof formatDuration>[1],
): string {
  return chip === 'metLate' ? t('staff.chip.metLate', { time: formatDuration(lateMsOf(row, now), locale) }) : t(`staff.chip.${chip}`);
}
