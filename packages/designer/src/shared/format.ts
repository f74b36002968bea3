import { formatLocalDateTime, type Locale } from '@aftersales/engine';

/** The stores' time zone when a screen is not told its policy's (China time). */
export const STORE_ZONE = 'Asia/Shanghai';

/** "2025-10-09 16:00" in the stores' time zone (the engine's one formatter, also the server's and the exports'). */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone = STORE_ZONE): string {
  return formatLocalDateTime(iso, locale, timeZone);
}

/** "3 h 20 min" / "3小时20分钟". */
export function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const en = locale === 'en';
  const parts = [
    days ? (en ? `${days} d` : `${days}天`) : '',
    hours ? (en ? `${hours} h` : `${hours}小时`) : '',
    rest || (!days && !hours) ? (en ? `${rest} min` : `${rest}分钟`) : '',
  ].filter(Boolean);
  return parts.join(en ? ' ' : '');
}

/** Yuan with two decimals: "¥1,234.50". */
export function formatMoney(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY' }).format(amount);
}

/**
 * A count as people read it, with thousands separators: "10,000+" when the server counted up to it
 * and stopped (`capped`: there are more), never a capped count as if it were exact.
 */
export function formatCount(total: number, capped: boolean, locale: Locale): string {
  const text = total.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en');
  return capped ? `${text}+` : text;
}
