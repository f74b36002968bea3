import type { Locale } from '@aftersales/engine';
import { useI18n } from '../i18n/I18nContext';

const CHOICES: { label: string; value: Locale; lang: string }[] = [
  { label: '中文', value: 'zh-CN', lang: 'zh-CN' },
  { label: 'English', value: 'en', lang: 'en' },
];

/**
 * 中文 / English, always visible; the choice is remembered. Two toggle buttons in Ant Design's
 * segmented look (its Segmented would bring the tooltip code into every first load).
 */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div role="group" aria-label={t('app.language')} className="language-switch">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          lang={choice.lang}
          aria-pressed={locale === choice.value}
          className={locale === choice.value ? 'language-switch-item selected' : 'language-switch-item'}
          onClick={() => setLocale(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
