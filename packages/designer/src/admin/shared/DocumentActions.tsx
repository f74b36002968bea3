import type { ReactNode } from 'react';
import { Button, Space, Switch } from 'antd';
import type { DocumentSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import type { useArchiveActions } from './useArchiveActions';

/** A list row's actions for a form or rule set: what comes first (links), duplicate, then archive or restore. */
export function DocumentActions({
  item,
  onDuplicate,
  archiving,
  children,
}: {
  item: DocumentSummary;
  onDuplicate: () => void;
  archiving: ReturnType<typeof useArchiveActions>;
  children?: ReactNode;
}) {
  const { t, text } = useI18n();
  const name = text(item.title);
  return (
    <Space wrap>
      {children}
      <Button size="small" onClick={onDuplicate} aria-label={`${t('forms.duplicate')} ${name}`}>
        {t('forms.duplicate')}
      </Button>
      {item.archived ? (
        <Button size="small" onClick={() => void archiving.unarchive(item)} aria-label={`${t('forms.unarchive')} ${name}`}>
          {t('forms.unarchive')}
        </Button>
      ) : (
        <Button size="small" danger onClick={() => void archiving.archive(item)} aria-label={`${t('forms.archive')} ${name}`}>
          {t('forms.archive')}
        </Button>
      )}
    </Space>
  );
}

/** The list's "show archived" switch, labelled by its text. */
export function ShowArchivedSwitch({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  return (
    <label>
      <Space>
        <Switch size="small" checked={checked} onChange={onChange} aria-label={t('forms.showArchived')} />
        {t('forms.showArchived')}
      </Space>
    </label>
  );
}
