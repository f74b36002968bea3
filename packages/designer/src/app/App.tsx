import { RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n/I18nContext';
import { ApiProvider } from './ApiContext';
import { AuthProvider } from './auth/AuthContext';
import { ThemeProvider } from './ThemeProvider';
import { router } from './router';

/** The web app: language, theme, API client and session around the router (admin and staff areas). */
export function App() {
  return (
    <I18nProvider>
      <ThemeProvider>
        <ApiProvider>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </ApiProvider>
      </ThemeProvider>
    </I18nProvider>
  );
}
