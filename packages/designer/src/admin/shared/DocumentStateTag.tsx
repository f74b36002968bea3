import { Space, Tag } from 'antd';
import type { DocumentSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';

/** Published version and draft state of a form or rule set, as tags. */
export function DocumentStateTag({ summary }: { summary: Pick<DocumentSummary, 'publishedVersion' | 'hasDraft' | 'archived'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {summary.archived && <Tag>{t('doc.archived')}</Tag>}
      {summary.publishedVersion !== null ? (
        <Tag color="green">{t('doc.publishedVersion', { version: summary.publishedVersion })}</Tag>
      ) : (
        <Tag>{t('doc.neverPublished')}</Tag>
      )}
      {summary.hasDraft && <Tag color="orange">{t('doc.draftChanges')}</Tag>}
    </Space>
  );
}
