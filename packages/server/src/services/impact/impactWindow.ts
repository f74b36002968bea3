import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';

/** The longest window in days other than `all` (about 30 years). */
export const MAX_WINDOW_DAYS = 11_000;

/** The creation window of an impact: from `since` ago (absent: the first record) until `now`. */
export function impactWindow(since: string | undefined, now: Date): { from: string | undefined; to: string } {
  const value = since ?? '90d';
  const to = now.toISOString();
  if (value === 'all') return { from: undefined, to };
  const days = /^(\d{1,5})d$/.exec(value)?.[1];
  const n = days === undefined ? NaN : Number(days);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WINDOW_DAYS)
    throw new DomainError(
      'impact.badWindow',
      { max: MAX_WINDOW_DAYS },
      { details: [domainDetail('/since', 'impact.badWindow', { max: MAX_WINDOW_DAYS })] },
    );
  return { from: new Date(now.getTime() - n * 86_400_000).toISOString(), to };
}
