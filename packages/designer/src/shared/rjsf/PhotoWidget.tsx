import { useState } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Alert, Button, Input, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Api } from '../../api/Api';
import { useI18n } from '../../i18n/I18nContext';
import { FilePickerButton, photoAccept, UPLOADED, usePhotoUpload } from './photoUpload';

export interface RecordFormContext {
  /** For uploads; without it the widget is a plain URL input. */
  api?: Api;
}

/**
 * `"ui:widget": "photo"`: a photo or scan attached to the record. On a phone "Take photo" opens
 * the camera; the file goes to POST /api/v1/files and the field keeps its URL (shown as a
 * thumbnail, never as the URL). Without uploads (the designer's preview) a reference is typed as a URL.
 */
export function PhotoWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, onChange, disabled, readonly, registry, label } = props;
  const value: unknown = props.value;
  const { t } = useI18n();
  const api = registry.formContext?.api;
  const [broken, setBroken] = useState(false);
  const { busy, failed, upload } = usePhotoUpload(api, (url) => {
    setBroken(false);
    onChange(url);
  });
  const text = typeof value === 'string' ? value : '';
  const locked = !!disabled || !!readonly;
  const accept = photoAccept(props.schema);

  return (
    <div className="photo-widget">
      {UPLOADED.test(text) && !broken && (
        <a href={text} target="_blank" rel="noreferrer" className="photo-thumb">
          <img src={text} alt={t('rjsf.photoOf', { field: label })} onError={() => setBroken(true)} />
        </a>
      )}
      {UPLOADED.test(text) && broken && (
        <a href={text} target="_blank" rel="noreferrer">
          {t('rjsf.openFile')}
        </a>
      )}
      {!readonly && !api && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id={id}
            aria-label={label}
            value={text}
            placeholder={t('rjsf.photoPlaceholder')}
            disabled={locked}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
        </Space.Compact>
      )}
      {/* A reference typed by hand in an older record: shown as it is, so it can be removed. */}
      {api && text !== '' && !UPLOADED.test(text) && <div className="photo-reference">{text}</div>}
      {api && !readonly && (
        <Space wrap style={{ marginTop: 8 }} id={id}>
          <FilePickerButton
            capture
            accept={accept}
            label={label}
            busy={busy}
            disabled={locked}
            onFiles={(f) => void upload(f.slice(0, 1))}
          />
          <FilePickerButton
            capture={false}
            accept={accept}
            label={label}
            busy={busy}
            disabled={locked}
            onFiles={(f) => void upload(f.slice(0, 1))}
          />
          {text !== '' && (
            <Button
              icon={<DeleteOutlined />}
              disabled={locked || busy}
              aria-label={t('rjsf.removePhotoOf', { field: label })}
              onClick={() => onChange(undefined)}
            >
              {t('rjsf.removePhoto')}
            </Button>
          )}
        </Space>
      )}
      {failed && <Alert type="error" showIcon role="alert" title={t('rjsf.uploadFailed', { reason: failed })} style={{ marginTop: 8 }} />}
    </div>
  );
}
