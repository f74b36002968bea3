import { useEffect, useRef } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Alert, Button, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nContext';
import type { RecordFormContext } from './PhotoWidget';
import { FilePickerButton, photoAccept, UPLOADED, usePhotoUpload } from './photoUpload';

/** The most photos a field without its own `maxItems` takes (the form builder writes 20). */
const DEFAULT_MAX = 20;

/**
 * `"ui:widget": "photos"` on a list of references (a photo or file field that holds several): the
 * photos as thumbnails, each with a remove button, and "Take photo" / "Upload" adding to the list
 * (the gallery picks several at once) until the field's most. The field keeps the files' URLs in
 * the order they were added. Without uploads (the designer's preview) it only shows what is there.
 */
export function PhotosWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, onChange, disabled, readonly, registry, label, schema } = props;
  const { t } = useI18n();
  const api = registry.formContext?.api;
  const value: unknown = props.value;
  // A record from before the field took several photos keeps one reference: it is the list's first.
  const list = Array.isArray(value)
    ? (value as unknown[]).filter((v): v is string => typeof v === 'string')
    : typeof value === 'string' && value !== ''
      ? [value]
      : [];
  const single = typeof value === 'string' && value !== '';
  useEffect(() => {
    if (single && !readonly) onChange([value]);
  }, [single, readonly, value, onChange]);
  // Several uploads answer one after the other: each adds to the list as it is then, not as it was rendered.
  const current = useRef(list);
  current.current = list;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : DEFAULT_MAX;
  const { busy, failed, upload } = usePhotoUpload(api, (url) => {
    const next = [...current.current, url];
    current.current = next;
    onChange(next);
  });
  const locked = !!disabled || !!readonly;
  const full = list.length >= max;
  const accept = photoAccept(schema);
  const remove = (index: number) => {
    const next = list.filter((_, i) => i !== index);
    onChange(next.length === 0 ? undefined : next);
  };
  const add = (files: File[]) => void upload(files.slice(0, Math.max(0, max - list.length)));

  return (
    <div className="photos-widget" id={id}>
      {list.length > 0 && (
        <ul className="photo-grid" aria-label={label}>
          {list.map((url, index) => {
            const n = index + 1;
            return (
              <li key={`${index}-${url}`} className="photo-item">
                {UPLOADED.test(url) ? (
                  <a href={url} target="_blank" rel="noreferrer" className="photo-thumb">
                    <img src={url} alt={t('rjsf.photoNumbered', { field: label, n, count: list.length })} />
                  </a>
                ) : (
                  <Typography.Text className="photo-reference">{url}</Typography.Text>
                )}
                {!readonly && (
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    disabled={locked || busy}
                    aria-label={t('rjsf.removePhotoNumbered', { field: label, n })}
                    onClick={() => remove(index)}
                  >
                    {t('rjsf.removePhoto')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Typography.Text type="secondary" className="photo-count">
        {t('rjsf.photoCount', { count: list.length, max })}
      </Typography.Text>
      {api && !readonly && (
        <div className="photo-actions">
          <FilePickerButton capture accept={accept} label={label} busy={busy} disabled={locked || full} onFiles={add} />
          <FilePickerButton capture={false} multiple accept={accept} label={label} busy={busy} disabled={locked || full} onFiles={add} />
        </div>
      )}
      {!api && !readonly && <Typography.Text type="secondary">{t('rjsf.photosWhenFilling')}</Typography.Text>}
      {failed && <Alert type="error" showIcon role="alert" title={t('rjsf.uploadFailed', { reason: failed })} style={{ marginTop: 8 }} />}
    </div>
  );
}
