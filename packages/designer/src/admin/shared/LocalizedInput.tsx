import { Input } from 'antd';
import type { LocalizedText } from '@aftersales/engine';
import { useI18n } from '../../i18n/I18nContext';
import { englishShown, isUntranslated, withChinese, withEnglish } from './untranslated';

/** A label in both languages: 中文 and English side by side, each labelled for screen readers. */
export function LocalizedInput({
  value,
  onChange,
  label,
  id,
  multiline,
}: {
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText) => void;
  label: string;
  id?: string;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const current = value ?? { 'zh-CN': '', en: '' };
  const Field = multiline ? Input.TextArea : Input;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}>
      <Field
        id={id}
        aria-label={`${label} (${t('lang.zh')})`}
        placeholder={t('lang.zh')}
        value={current['zh-CN']}
        onChange={(e) => onChange(withChinese(current, e.target.value))}
      />
      {/* The English name is optional: empty, the Chinese is shown, and the box says it is not translated. */}
      <Field
        aria-label={`${label} (${t('lang.en')})`}
        placeholder={isUntranslated(current) && current['zh-CN'] ? t('words.untranslated') : t('lang.en')}
        value={englishShown(current)}
        onChange={(e) => onChange(withEnglish(current, e.target.value))}
      />
    </div>
  );
}
