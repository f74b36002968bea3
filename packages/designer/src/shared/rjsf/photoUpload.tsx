import { useRef, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { Api } from '../../api/Api';
import { ApiError } from '../../api/ApiError';
import { useI18n } from '../../i18n/I18nContext';

/** A file the server keeps (POST /api/v1/files answers this URL); anything else is a reference typed by hand. */
export const UPLOADED = /^\/api\/v1\/files\/[0-9a-f-]{36}$/;

/** What a field takes: photos and signatures are images (the server refuses anything else there); files may be PDF scans too. */
export function photoAccept(schema: object): string {
  const kind = (schema as { 'x-kind'?: unknown })['x-kind'];
  return kind === 'photo' || kind === 'signature' ? 'image/*' : 'image/*,application/pdf';
}

/**
 * Sends picked files to POST /api/v1/files one after the other and hands each URL to `onUploaded`;
 * the first refusal stops the rest and is kept as the server's reason in the person's language.
 */
export function usePhotoUpload(api: Api | undefined, onUploaded: (url: string) => void) {
  const { locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const upload = async (files: File[]) => {
    if (!api || files.length === 0) return;
    setBusy(true);
    setFailed(null);
    try {
      for (const file of files) onUploaded((await api.work.upload(file)).url);
    } catch (e: unknown) {
      setFailed(e instanceof ApiError ? e.messageIn(locale) : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failed, upload };
}

/**
 * A button opening the browser's own file input (hidden): on a phone `capture` opens the camera;
 * `multiple` lets the gallery pick several files at once.
 */
export function FilePickerButton(props: {
  capture: boolean;
  multiple?: boolean;
  accept: string;
  label: string;
  busy: boolean;
  disabled: boolean;
  onFiles: (files: File[]) => void;
}): ReactNode {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const name = props.capture ? t('rjsf.takePhoto') : t('rjsf.upload');
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden
        accept={props.accept}
        multiple={props.multiple ?? false}
        {...(props.capture ? { capture: 'environment' as const } : {})}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          props.onFiles(files);
        }}
      />
      <Button
        icon={props.capture ? <CameraOutlined /> : <UploadOutlined />}
        loading={props.busy && props.capture}
        disabled={props.disabled || props.busy}
        aria-label={`${name}: ${props.label}`}
        onClick={() => input.current?.click()}
      >
        {name}
      </Button>
    </>
  );
}
