import { useEffect, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useI18n } from '../i18n/I18nContext';
import { FeedbackProvider } from './Feedback';

/**
 * Ant Design's defaults put secondary text, links and red buttons below WCAG AA contrast (4.5:1) on
 * white; these tokens lift them (axe-core checks every staff screen).
 */
const THEME = {
  colorPrimary: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorWarning: '#ad4e00',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  borderRadius: 6,
};

/** Ant Design in the user's language (its own texts), one theme for the whole app. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const antLocale = locale === 'zh-CN' ? zhCN : enUS;
  useEffect(() => {
    document.documentElement.lang = locale;
    // Confirmation dialogs (Feedback.tsx) render outside this tree: the same theme and language for them.
    ConfigProvider.config({
      holderRender: (children) => (
        <ConfigProvider locale={antLocale} button={{ autoInsertSpace: false }} theme={{ token: THEME }}>
          {children}
        </ConfigProvider>
      ),
    });
  }, [locale, antLocale]);
  return (
    <ConfigProvider locale={antLocale} button={{ autoInsertSpace: false }} theme={{ token: THEME }}>
      <FeedbackProvider>{children}</FeedbackProvider>
    </ConfigProvider>
  );
}
