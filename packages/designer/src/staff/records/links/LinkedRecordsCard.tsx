import { Link } from 'react-router';
import { Card, List, Tag, Typography } from 'antd';
import type { RecordLinks } from '../../../api/linksApi';
import { useI18n } from '../../../i18n/I18nContext';

/**
 * A record's links both ways: the records it names (a visit's ticket) and those naming it (a
 * ticket's return visits), each by its title and status, a tap away. Nothing when there are none.
 */
export function LinkedRecordsCard({ links }: { links: RecordLinks | null }) {
  const { t, locale } = useI18n();
  if (!links || (links.links.length === 0 && links.linkedFrom.length === 0)) return null;
  const pick = (value: { 'zh-CN': string; en: string }) => value[locale] || value['zh-CN'];
  const rows = [
    ...links.links.map((l) => ({ ...l, heading: t('records.links.linksTo', { field: pick(l.label) }) })),
    ...links.linkedFrom.map((l) => ({ ...l, heading: t('records.links.linkedFrom', { field: pick(l.label) }) })),
  ];
  return (
    <Card className="staff-card linked-records" title={<h3 className="card-heading">{t('records.links.title')}</h3>}>
      <List
        size="small"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item key={`${row.heading}-${row.record.id}`}>
            <div className="linked-record">
              <Typography.Text type="secondary" className="linked-record-heading">
                {row.heading}
              </Typography.Text>
              <Link to={`/staff/records/${row.record.id}`} className="touch-link">
                {pick(row.record.title)}
              </Link>
              {row.record.statusLabel && <Tag>{pick(row.record.statusLabel)}</Tag>}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
