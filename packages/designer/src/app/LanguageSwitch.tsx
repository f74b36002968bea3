import { Segmented } from 'antd';
import type { Locale } from '@aftersales/engine';
import { useI18n } from '../i18n/I18nContext';

/** 中文 / English, always visible; the choice is remembered. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('app.language')}
      size="small"
      value={locale}
      onChange={(value) => setLocale(value)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
