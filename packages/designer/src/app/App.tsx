import type { Locale } from '@aftersales/engine';
import { I18nProvider, type Dictionary } from '../i18n/I18nContext';
import { ApiProvider } from './ApiContext';
import { AuthProvider } from './auth/AuthContext';
import { ThemeProvider } from './ThemeProvider';
import { AppRouter } from './router';

/** The web app: language, theme, API client and session around the router (admin and staff areas). */
export function App({ locale, messages }: { locale: Locale; messages: Dictionary }) {
  return (
    <I18nProvider locale={locale} messages={messages}>
      <ThemeProvider>
        <ApiProvider>
          <AuthProvider>
            <AppRouter />
          </AuthProvider>
        </ApiProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
