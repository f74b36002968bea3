import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@aftersales/engine';
import type { HistoryPage, RecordDetail } from '../../api/workApi';
import { en as commonEn } from '../../i18n/en';
import { format } from '../../i18n/I18nContext';
import { staffEn } from '../../i18n/staff.en';
import { staffZhCN } from '../../i18n/staff.zh-CN';
import { zhCN as commonZhCN } from '../../i18n/zh-CN';
import { approvalEvent } from './approvalEvent';

type Entry = HistoryPage['items'][number];
type Approval = NonNullable<RecordDetail['approvals']>[number];

const REASON = { 'zh-CN': '维修费用超过 200 元', en: 'Repair cost above 200 yuan' };
const ROLES: Record<string, LocalizedText> = {
  generalManager: { 'zh-CN': '总经理', en: 'General manager' },
  deputyGeneralManager: { 'zh-CN': '副总经理', en: 'Deputy general manager' },
};
const PEOPLE: Record<string, LocalizedText> = {
  wang: { 'zh-CN': '王守后', en: 'Wang Shouhou' },
  driver: { 'zh-CN': '司机老李', en: 'Driver Li' },
  clock: { 'zh-CN': '系统', en: 'the system' },
};

const entry = (action: string, after: unknown, actor = 'wang'): Entry => ({
  id: 7,
  at: '2025-10-09T03:00:00.000Z',
  actor,
  entity: 'approval',
  entityId: 'a1',
  recordId: 'r1',
  action,
  before: 'pending',
  after,
});
const facts = { approver: 'generalManager', beforeStatus: 'repairApproved', reason: REASON, recordId: 'r1' };

/** The words as the page makes them, in one language. */
function words(locale: 'zh-CN' | 'en') {
  const d = (locale === 'en' ? { ...commonEn, ...staffEn } : { ...commonZhCN, ...staffZhCN }) as Record<string, string>;
  const text = (label: LocalizedText | undefined) => (label ? label[locale] : '');
  return {
    t: (key: string, params?: Record<string, string | number>) => format(d[key] ?? key, params),
    text,
    role: (id: string) => text(ROLES[id]) || id,
    person: (actor: string) => text(PEOPLE[actor]) || actor,
  };
}
const say = (e: Entry, locale: 'zh-CN' | 'en', approvals: Approval[] = []) => approvalEvent(e, approvals, words(locale));

describe('approvalEvent', () => {
  it('when the general manager approves with a comment, then the history says who approved which approval and the comment, in both languages', () => {
    const approved = entry('approved', { state: 'approved', comment: '同意', ...facts });
    expect(say(approved, 'zh-CN')).toEqual({ title: '王守后 批准了审批：维修费用超过 200 元 — 备注：同意', namesActor: true });
    expect(say(approved, 'en')).toEqual({ title: 'Wang Shouhou approved: Repair cost above 200 yuan — comment: 同意', namesActor: true });
  });

  it('when an approval is rejected without a comment or withdrawn with a reason, then the words say so, with no empty note', () => {
    expect(say(entry('rejected', { state: 'rejected', comment: null, ...facts }), 'zh-CN')?.title).toBe(
      '王守后 驳回了审批：维修费用超过 200 元',
    );
    expect(say(entry('rejected', { state: 'rejected', comment: '  ', ...facts }), 'en')?.title).toBe(
      'Wang Shouhou rejected: Repair cost above 200 yuan',
    );
    const withdrawn = entry('withdrawn', { state: 'withdrawn', comment: '录入错误', ...facts });
    expect(say(withdrawn, 'zh-CN')?.title).toBe('王守后 撤回了审批：维修费用超过 200 元 — 原因：录入错误');
    expect(say(withdrawn, 'en')?.title).toBe('Wang Shouhou withdrew the approval: Repair cost above 200 yuan — reason: 录入错误');
  });

  it('when an approval is asked or passed on by the clock, then the words name the roles, and the line under them says who (the writer, the system)', () => {
    const asked = entry('asked', { state: 'pending', ...facts }, 'driver');
    expect(say(asked, 'zh-CN')).toEqual({ title: '需总经理审批：维修费用超过 200 元', namesActor: false });
    expect(say(asked, 'en')?.title).toBe('Approval asked of the General manager: Repair cost above 200 yuan');
    const escalated = entry('escalated', { ...facts, approver: 'deputyGeneralManager', escalatedTo: 'generalManager' }, 'clock');
    expect(say(escalated, 'zh-CN')).toEqual({ title: '审批已转交总经理（无人担任“副总经理”）：维修费用超过 200 元', namesActor: false });
    expect(say(escalated, 'en')?.title).toBe(
      'Approval passed to the General manager (nobody is Deputy general manager): Repair cost above 200 yuan',
    );
  });

  it('when a decision was audited before entries carried the reason, then the reason comes from the record’s approval', () => {
    const old = entry('approved', { state: 'approved', comment: '同意', recordId: 'r1' });
    const approval = { id: 'a1', approver: 'generalManager', reason: REASON } as Approval;
    expect(say(old, 'zh-CN', [approval])?.title).toBe('王守后 批准了审批：维修费用超过 200 元 — 备注：同意');
  });

  it('when the entry is the record’s own, then it is not an approval’s event', () => {
    expect(say({ ...entry('update', {}), entity: 'record', entityId: 'r1' }, 'zh-CN')).toBeNull();
  });

  it('when any approval event is put in words, then no code, user name or ISO time shows', () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for (const action of ['asked', 'approved', 'rejected', 'withdrawn', 'escalated', 'something new'])
        expect(say(entry(action, { ...facts, comment: 'ok', escalatedTo: 'generalManager' }), locale)?.title).not.toMatch(
          /wang|generalManager|repairApproved|staff\.|\d{4}-\d{2}-\d{2}T|something new/,
        );
  });
});
