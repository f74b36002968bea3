import type { Locale } from '@aftersales/engine';
import { ApiError } from '../../api/ApiError';
import type { Translate } from '../../i18n/I18nContext';

/** A failed call in words for a toast or an alert, in the person's language when the server gave both. */
export function errorText(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.offline');
    if (error.status === 404) return t('common.notFound');
    if (error.status === 403) return t('auth.forbidden');
    return `${t('common.serverError')}${locale === 'zh-CN' ? '：' : ': '}${error.messageIn(locale)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
