import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { ApiClient } from '../api/ApiClient';
import { createApi, type Api } from '../api/Api';

const ApiContext = createContext<Api | null>(null);

export const SESSION_EXPIRED_EVENT = 'aftersales:session-expired';

export function ApiProvider({ children, api }: { children: ReactNode; api?: Api }) {
  const value = useMemo(
    () => api ?? createApi(new ApiClient({ onUnauthorized: () => window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT)) })),
    [api],
  );
  const { locale } = useI18n();
  // Idempotent, and before any child's first request: the header follows the language at once.
  value.client.setLanguage(locale);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}
