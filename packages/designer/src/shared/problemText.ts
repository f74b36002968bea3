import { pickText, type Locale, type LocalizedText } from '@aftersales/engine';
import { ApiError } from '../api/ApiError';
import type { Translate } from '../i18n/I18nContext';

/** A refused call in the person's language: the server's details (each has a Chinese message) or its message. */
export function problemText(error: unknown, t: Translate, locale: Locale): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t('common.offline');
  if (error.status === 403) return t('auth.forbidden');
  if (error.status === 409 && error.code === 'conflict') return t('staff.conflict');
  // The server's details carry `message` (English) and `messageZh`; the engine's problems a localized text.
  const details = error.problems as unknown as { message: string | LocalizedText; messageZh?: string }[];
  if (details.length > 0)
    return details
      .map((d) =>
        typeof d.message === 'object' ? pickText(d.message, locale) : locale === 'zh-CN' && d.messageZh ? d.messageZh : d.message,
      )
      .filter(Boolean)
      .join('；');
  return error.messageIn(locale);
}
