import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button } from 'antd';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { useI18n } from '../i18n/I18nContext';
import { PageMessage } from './PageMessage';

/** Keeps a page that throws (or whose chunk fails to load) from blanking the app; cleared by moving to another page. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname} fallback={(error) => <RouteError error={error} />}>
      {children}
    </ErrorBoundary>
  );
}

function RouteError({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <PageMessage
      role="alert"
      title={t('common.pageError')}
      detail={error.message}
      action={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
    />
  );
}
