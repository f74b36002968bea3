import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@aftersales/engine';
import type { FineEntry, HistoryPage } from '../../api/workApi';
import { en as commonEn } from '../../i18n/en';
import { format } from '../../i18n/I18nContext';
import { staffEn } from '../../i18n/staff.en';
import { staffZhCN } from '../../i18n/staff.zh-CN';
import { zhCN as commonZhCN } from '../../i18n/zh-CN';
import { formatMoney } from '../../shared/format';
import { fineEvent } from './fineEvent';

type Entry = HistoryPage['items'][number];

const RULE = { 'zh-CN': '营收未在 3 天内交财务：罚营收的 100%', en: 'Revenue not handed in within 3 days: 100% of it' };
const ROLES: Record<string, LocalizedText> = { technician: { 'zh-CN': '技术员', en: 'Technician' } };
const PEOPLE: Record<string, LocalizedText> = {
  admin: { 'zh-CN': '管理员 Admin', en: 'Admin' },
  boss: { 'zh-CN': '张经理', en: 'Manager Zhang' },
};

const fine = (overrides: Partial<FineEntry> = {}): FineEntry => ({
  id: 'f-7c1e',
  uniqueKey: 'r1|breach|revenue|0',
  recordId: 'r1',
  formId: 'after-sales-record',
  payerRole: 'technician',
  person: 'tech',
  personName: '王师傅',
  recordTitle: null,
  amount: 100,
  reason: RULE,
  origin: 'breach',
  postedAt: '2025-10-13T07:00:00.000Z',
  ...overrides,
});

const entry = (action: string, before: unknown, after: unknown, actor = 'admin'): Entry => ({
  id: 9,
  at: '2025-10-13T08:20:00.000Z',
  actor,
  entity: 'fine',
  entityId: 'f-7c1e',
  recordId: 'r1',
  action,
  before,
  after,
});
const waived = entry('fine waived', { amount: 100 }, { amount: 0, reason: '客户原因', recordId: 'r1' });
const corrected = entry('fine corrected', { amount: 100 }, { amount: 20, reason: '只收了 20 元', recordId: 'r1' }, 'boss');

/** The words as the page makes them, in one language. */
function words(locale: 'zh-CN' | 'en') {
  const d = (locale === 'en' ? { ...commonEn, ...staffEn } : { ...commonZhCN, ...staffZhCN }) as Record<string, string>;
  const text = (label: LocalizedText | undefined) => (label ? label[locale] : '');
  return {
    t: (key: string, params?: Record<string, string | number>) => format(d[key] ?? key, params),
    text,
    role: (id: string) => text(ROLES[id]) || id,
    person: (actor: string) => text(PEOPLE[actor]) || actor,
    money: (amount: number) => formatMoney(amount, locale),
  };
}
const say = (e: Entry, locale: 'zh-CN' | 'en', fines: FineEntry[] = [fine()]) => fineEvent(e, fines, words(locale));

describe('fineEvent', () => {
  it('when a fine is waived, then the history says who waived how much, who pays for which rule, and why, in both languages', () => {
    expect(say(waived, 'zh-CN')).toBe(
      '管理员 Admin 免除了罚款 ¥100.00（王师傅（技术员）：营收未在 3 天内交财务：罚营收的 100%） — 原因：客户原因',
    );
    expect(say(waived, 'en')).toBe(
      'Admin waived the fine of CN¥100.00 (王师傅 (Technician): Revenue not handed in within 3 days: 100% of it) — reason: 客户原因',
    );
  });

  it('when a fine is corrected, then the history says from which amount to which', () => {
    expect(say(corrected, 'zh-CN')).toBe(
      '张经理 将罚款 ¥100.00 更正为 ¥20.00（王师傅（技术员）：营收未在 3 天内交财务：罚营收的 100%） — 原因：只收了 20 元',
    );
    expect(say(corrected, 'en')).toBe(
      'Manager Zhang corrected the fine of CN¥100.00 to CN¥20.00 (王师傅 (Technician): Revenue not handed in within 3 days: 100% of it) — reason: 只收了 20 元',
    );
  });

  it('when the rule named no one, then the role pays; when the fine is not among those loaded, then the words go without the payer', () => {
    expect(say(waived, 'zh-CN', [fine({ person: null, personName: null })])).toBe(
      '管理员 Admin 免除了罚款 ¥100.00（技术员：营收未在 3 天内交财务：罚营收的 100%） — 原因：客户原因',
    );
    expect(say(waived, 'zh-CN', [])).toBe('管理员 Admin 免除了罚款 ¥100.00 — 原因：客户原因');
    expect(say(corrected, 'en', [fine({ id: 'another' })])).toBe(
      'Manager Zhang corrected the fine of CN¥100.00 to CN¥20.00 — reason: 只收了 20 元',
    );
  });

  it('when the entry has no reason or amount of its own, then no empty note shows and the fine’s amount is used', () => {
    expect(say(entry('fine waived', null, { amount: 0, reason: '  ' }), 'zh-CN')).toBe(
      '管理员 Admin 免除了罚款 ¥100.00（王师傅（技术员）：营收未在 3 天内交财务：罚营收的 100%）',
    );
  });

  it('when the entry is not a fine’s, then it is not a fine’s event', () => {
    expect(say({ ...waived, entity: 'approval' }, 'zh-CN')).toBeNull();
    expect(say({ ...waived, entity: 'record', action: 'update' }, 'en')).toBeNull();
  });

  it('when any fine event is put in words, then no id, user name, code or ISO time shows', () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for (const e of [waived, corrected, entry('fine something new', { amount: 100 }, { amount: 5, reason: 'x' })])
        for (const fines of [[fine()], [], [fine({ personName: null })]])
          expect(say(e, locale, fines)).not.toMatch(
            /f-7c1e|\br1\b|\btech\b|\badmin\b|\bboss\b|technician|staff\.|\d{4}-\d{2}-\d{2}T|something new/,
          );
  });
});
