import { Typography } from 'antd';
import type { Person } from '../../api/fieldworkApi';
import type { FineEntry } from '../../api/workApi';
import { useI18n } from '../../i18n/I18nContext';
import { actorName } from '../../shared/people/actorName';

/**
 * Who waived or corrected a fine and why ("管理员 Admin：营业款当日已交"), by display name, under the
 * fine's reason; `at`: when, already written as the page writes times. Nothing for a fine no one corrected.
 */
export function FineCorrectionNote({ fine, people, at }: { fine: FineEntry; people: readonly Person[] | null; at?: string }) {
  const { t, locale } = useI18n();
  if (!fine.note) return null;
  const note = t('staff.fines.correctionNote', { person: actorName(people, fine.correctedBy, locale), reason: fine.note });
  return (
    <Typography.Text type="secondary" className="fine-note">
      {at ? `${at} · ${note}` : note}
    </Typography.Text>
  );
}
