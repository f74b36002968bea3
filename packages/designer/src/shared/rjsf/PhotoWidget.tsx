import { useState } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Button, Input, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Api } from '../../api/Api';
import { useI18n } from '../../i18n/I18nContext';

export interface RecordFormContext {
  /** For uploads; without it the widget is a plain URL input. */
  api?: Api;
}

/**
 * `"ui:widget": "photo"`: a file or photo reference. Uploads to the server's file endpoint
 * (POST /api/v1/files -> { url } ) when there is one; the reference can always be typed as a URL.
 */
export function PhotoWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, onChange, disabled, readonly, registry, label } = props;
  const value: unknown = props.value;
  const { t } = useI18n();
  const api = registry.formContext?.api;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const text = typeof value === 'string' ? value : '';
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        aria-label={label}
        value={text}
        placeholder={t('rjsf.photoPlaceholder')}
        disabled={disabled || readonly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {api && !failed && (
        <Upload
          showUploadList={false}
          accept="image/*,application/pdf"
          disabled={disabled || readonly}
          customRequest={({ file }) => {
            setBusy(true);
            api.client
              .upload<{ url?: string; id?: string }>('/files', file as File)
              .then((r) => onChange(r.url ?? r.id))
              .catch(() => setFailed(true))
              .finally(() => setBusy(false));
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} aria-label={t('rjsf.upload')}>
            {t('rjsf.upload')}
          </Button>
        </Upload>
      )}
    </Space.Compact>
  );
}
