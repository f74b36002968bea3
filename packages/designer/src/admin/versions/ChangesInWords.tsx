import { Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import type { ChangeLine } from './changesInWords';

const COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** The changes between two versions as a list in words: one line per rule or field, its details under it. */
export function ChangesInWords({ changes }: { changes: ChangeLine[] }) {
  const { t } = useI18n();
  if (changes.length === 0) return <Typography.Text type="secondary">{t('versions.noChanges')}</Typography.Text>;
  return (
    <ul aria-label={t('versions.changesInWords')} className="changes-in-words" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {changes.map((c, i) => (
        <li key={i} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Tag color={COLORS[c.kind]}>{t(`versions.change.${c.kind}`)}</Tag>
          <Typography.Text strong>{c.subject}</Typography.Text>
          {c.details.map((d, j) => (
            <div key={j} style={{ paddingLeft: 12, overflowWrap: 'anywhere' }}>
              {d}
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
