import type { Locale } from '@aftersales/engine';

/** "2025-10-09 16:00" in the stores' time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
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
