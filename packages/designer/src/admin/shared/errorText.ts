import { ApiError } from '../../api/ApiError';
import type { Translate } from '../../i18n/I18nContext';

/** A failed call in words for a toast or an alert. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.offline');
    if (error.status === 404) return t('common.notFound');
    if (error.status === 403) return t('auth.forbidden');
    return `${t('common.serverError')} (${error.code}): ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
