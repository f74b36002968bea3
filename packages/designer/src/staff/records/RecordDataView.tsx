import type { ReactNode } from 'react';
import { Descriptions, Grid, Table, Typography } from 'antd';
import type { LocalizedText, RecordSchema } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { formatDateTime, formatMoney } from '../../shared/format';
import { useApi } from '../../app/ApiContext';
import { personName, usePeople } from '../../shared/people/usePeople';

interface FieldSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  'x-title'?: LocalizedText;
  'x-kind'?: string;
  'x-enumTitles'?: Record<string, LocalizedText>;
}

/** A map search of an address. */
function mapSearchUrl(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`;
}

const UPLOADED = /^\/api\/v1\/files\/[0-9a-f-]{36}$/;
const filled = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** A record's filled fields in the form's order, labelled and formatted for reading (photos as thumbnails); empty fields left out. */
export function RecordDataView({
  schema,
  data,
  order,
  only,
  timeZone,
  links,
}: {
  schema: RecordSchema;
  data: Record<string, unknown>;
  order?: string[];
  /** Only these top-level fields (a section's), in this order. */
  only?: string[];
  timeZone: string;
  /** The titles of the records link fields name, by id (a link is never shown by its id). */
  links?: Record<string, string>;
}) {
  const { t, text, locale } = useI18n();
  const people = usePeople(useApi());
  const properties = (schema.properties ?? {}) as Record<string, FieldSchema>;
  // On a phone a list's lines (parts used, ...) are read one under another, not in a table scrolled sideways.
  const narrow = Grid.useBreakpoint().sm === false;

  const photo = (url: string, label: string, key?: number) =>
    UPLOADED.test(url) ? (
      <a key={key} href={url} target="_blank" rel="noreferrer" className="photo-thumb">
        <img src={url} alt={t('rjsf.photoOf', { field: label })} />
      </a>
    ) : (
      <Typography.Text key={key} copyable>
        {url}
      </Typography.Text>
    );

  const value = (field: FieldSchema, v: unknown, label: string): ReactNode => {
    // A signature is its image, on the record and in print.
    if (field['x-kind'] === 'signature' && typeof v === 'string' && UPLOADED.test(v))
      return <img src={v} alt={t('fieldwork.signature.of', { field: label })} className="signature-image" />;
    if (field['x-kind'] === 'photo' || field.items?.['x-kind'] === 'photo' || field.format === 'uri-reference') {
      const urls = (Array.isArray(v) ? v : [v]).filter((u): u is string => typeof u === 'string');
      return <div className="photo-list">{urls.map((u, i) => photo(u, label, i))}</div>;
    }
    if (Array.isArray(v)) {
      const item = field.items ?? {};
      if (item.properties && narrow) {
        const fields = Object.entries(item.properties);
        return (
          <ol className="record-rows">
            {(v as Record<string, unknown>[]).map((row, i) => (
              <li key={i}>
                {fields
                  .filter(([name]) => filled(row[name]))
                  .map(([name, sub]) => (
                    <div key={name} className="record-row-field">
                      <span className="record-row-label">{text(sub['x-title']) || name}</span>
                      <span>{value(sub, row[name], name)}</span>
                    </div>
                  ))}
              </li>
            ))}
          </ol>
        );
      }
      if (item.properties) {
        const columns = Object.entries(item.properties).map(([name, sub]) => ({
          key: name,
          title: text(sub['x-title']) || name,
          render: (_: unknown, row: Record<string, unknown>) => (filled(row[name]) ? value(sub, row[name], name) : ''),
        }));
        return (
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={v as Record<string, unknown>[]}
            columns={columns}
            scroll={{ x: 'max-content' }}
          />
        );
      }
      return v.map((x, i) => (
        <span key={i}>
          {i > 0 ? '、' : ''}
          {value(item, x, label)}
        </span>
      ));
    }
    if (field.properties && typeof v === 'object' && v !== null)
      return <RecordDataView schema={field as RecordSchema} data={v as Record<string, unknown>} timeZone={timeZone} />;
    if (typeof v === 'boolean') return v ? t('staff.yes') : t('staff.no');
    // People by their display names (records keep the user name); phone numbers dial on a tap.
    if (field['x-kind'] === 'person') return personName(people, v);
    if (field['x-kind'] === 'link') return (typeof v === 'string' && links?.[v]) || t('records.links.linked');
    if (typeof v === 'string' && field['x-kind'] === 'phone')
      return (
        <a href={`tel:${v.replace(/[^\d+]/g, '')}`} className="tel-link">
          {v}
        </a>
      );
    // An address opens a map search of it (Amap's URI API: the map app on a phone, the web map on a desk).
    if (typeof v === 'string' && field['x-kind'] === 'address')
      return (
        <a href={mapSearchUrl(v)} target="_blank" rel="noreferrer" className="map-link">
          {v}
        </a>
      );
    if (typeof v === 'string' && field['x-enumTitles']?.[v]) return text(field['x-enumTitles'][v]);
    if (typeof v === 'string' && field.format === 'date-time') return formatDateTime(v, locale, timeZone);
    if (typeof v === 'number' && field['x-kind'] === 'money') return formatMoney(v, locale);
    return String(v);
  };

  const names = only
    ? only.filter((n) => n in properties)
    : [...(order ?? []).filter((n) => n in properties), ...Object.keys(properties).filter((n) => !(order ?? []).includes(n))];
  const shown = names.filter((n) => filled(data[n]));
  if (shown.length === 0) return <Typography.Text type="secondary">{t('staff.detail.empty')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered className="record-data">
      {shown.map((name) => {
        const label = text(properties[name]!['x-title']) || name;
        return (
          <Descriptions.Item key={name} label={label}>
            {value(properties[name]!, data[name], label)}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
