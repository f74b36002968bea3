import { useRef, useState } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Alert, Button, Input, Space } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { Api } from '../../api/Api';
import { ApiError } from '../../api/ApiError';
import { useI18n } from '../../i18n/I18nContext';

export interface RecordFormContext {
  /** For uploads; without it the widget is a plain URL input. */
  api?: Api;
}

const UPLOADED = /^\/api\/v1\/files\/[0-9a-f-]{36}$/;

/**
 * `"ui:widget": "photo"`: a photo or scan attached to the record. On a phone "Take photo" opens
 * the camera; the file goes to POST /api/v1/files and the field keeps its URL (shown as a
 * thumbnail). A reference can also be typed as a URL.
 */
export function PhotoWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, onChange, disabled, readonly, registry, label } = props;
  const value: unknown = props.value;
  const { t, locale } = useI18n();
  const api = registry.formContext?.api;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const text = typeof value === 'string' ? value : '';
  const locked = disabled || readonly;

  const upload = (file: File) => {
    if (!api) return;
    setBusy(true);
    setFailed(null);
    api.work
      .upload(file)
      .then((r) => {
        setBroken(false);
        onChange(r.url);
      })
      // The server's reason in the person's language (a file that is not a photo, one that is too large).
      .catch((e: unknown) => setFailed(e instanceof ApiError ? e.messageIn(locale) : e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  // The browser's own file input (hidden), opened by the buttons: on a phone `capture` opens the camera.
  const cameraInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const picker = (capture: boolean) => {
    const input = capture ? cameraInput : fileInput;
    const name = capture ? t('rjsf.takePhoto') : t('rjsf.upload');
    return (
      <>
        <input
          ref={input}
          type="file"
          hidden
          tabIndex={-1}
          aria-hidden
          accept={capture ? 'image/*' : 'image/*,application/pdf'}
          {...(capture ? { capture: 'environment' as const } : {})}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) upload(file);
          }}
        />
        <Button
          icon={capture ? <CameraOutlined /> : <UploadOutlined />}
          loading={busy && capture}
          disabled={locked || busy}
          aria-label={`${name}: ${label}`}
          onClick={() => input.current?.click()}
        >
          {name}
        </Button>
      </>
    );
  };

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
      {!readonly && (
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
      {api && !readonly && (
        <Space wrap style={{ marginTop: 8 }}>
          {picker(true)}
          {picker(false)}
        </Space>
      )}
      {failed && <Alert type="error" showIcon role="alert" title={t('rjsf.uploadFailed', { reason: failed })} style={{ marginTop: 8 }} />}
    </div>
  );
}
