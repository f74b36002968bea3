import { useEffect, useRef, useState } from 'react';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Alert, Button, Space } from 'antd';
import SignaturePad from 'signature_pad';
import { ApiError } from '../../api/ApiError';
import { useI18n } from '../../i18n/I18nContext';
import type { RecordFormContext } from './PhotoWidget';

const UPLOADED = /^\/api\/v1\/files\/[0-9a-f-]{36}$/;

/**
 * `x-kind: signature` (`"ui:widget": "signature"`): the customer signs on the screen with a finger or
 * a pen ([signature_pad](https://github.com/szimek/signature_pad), smooth strokes on a canvas); "确认签名"
 * uploads the drawing as a PNG file (POST /api/v1/files) and the field keeps its address, shown as
 * the image on the record and in print. "重新签名" clears it.
 */
export function SignatureWidget(props: WidgetProps<unknown, RJSFSchema, RecordFormContext>) {
  const { id, onChange, disabled, readonly, registry, label } = props;
  const { t, locale } = useI18n();
  const api = registry.formContext?.api;
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const value = typeof props.value === 'string' ? props.value : '';
  const locked = disabled || readonly;

  useEffect(() => {
    if (value || locked || !canvas.current) return;
    const element = canvas.current;
    // Drawn at the screen's pixel density, so the stroke is sharp on a phone.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    element.width = element.offsetWidth * ratio;
    element.height = element.offsetHeight * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    const signature = new SignaturePad(element, { penColor: '#1f1f1f', backgroundColor: '#ffffff' });
    pad.current = signature;
    return () => {
      signature.off();
      pad.current = null;
    };
  }, [value, locked]);

  const confirm = () => {
    const signature = pad.current;
    if (!api || !signature || signature.isEmpty()) {
      setFailed(t('fieldwork.signature.empty'));
      return;
    }
    setBusy(true);
    setFailed(null);
    canvas.current?.toBlob((blob) => {
      if (!blob) {
        setBusy(false);
        return;
      }
      api.work
        .upload(new File([blob], 'signature.png', { type: 'image/png' }))
        .then((r) => onChange(r.url))
        .catch((e: unknown) => setFailed(e instanceof ApiError ? e.messageIn(locale) : e instanceof Error ? e.message : String(e)))
        .finally(() => setBusy(false));
    }, 'image/png');
  };

  if (value)
    return (
      <Space direction="vertical">
        {UPLOADED.test(value) ? (
          <img src={value} alt={t('fieldwork.signature.of', { field: label })} className="signature-image" />
        ) : (
          <span>{value}</span>
        )}
        {!locked && <Button onClick={() => onChange(undefined)}>{t('fieldwork.signature.again')}</Button>}
      </Space>
    );
  if (locked) return <span>–</span>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <canvas id={id} ref={canvas} className="signature-pad" aria-label={t('fieldwork.signature.pad', { field: label })} role="img" />
      <Space wrap>
        <Button onClick={() => pad.current?.clear()}>{t('fieldwork.signature.clear')}</Button>
        <Button type="primary" loading={busy} onClick={confirm}>
          {t('fieldwork.signature.confirm')}
        </Button>
      </Space>
      {failed && <Alert type="error" showIcon title={failed} />}
    </Space>
  );
}
