import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { PageMessage } from '../PageMessage';
import { useAuth } from './AuthContext';
import { Loading } from '../Loading';

/** Renders its children for a signed-in user with one of the roles; else the sign-in page or a refusal. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user, hasRole } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (user === undefined)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Loading />
      </div>
    );
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!hasRole(...roles)) return <PageMessage title={t('auth.forbidden')} action={<Link to="/">{t('auth.toHome')}</Link>} />;
  return <>{children}</>;
}
