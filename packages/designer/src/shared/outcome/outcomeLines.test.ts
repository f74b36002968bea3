import { describe, expect, it } from 'vitest';
import type { Approval, Deadline, Outcome } from '@aftersales/engine';
import { outcomeLines } from './outcomeLines';

const source = { ruleSet: 'service', version: 1, rule: 'r', catalog: [] };
const deadline = (key: string): Deadline => ({
  source,
  key,
  what: { 'zh-CN': `时限${key}`, en: `limit ${key}` },
  limit: { unit: 'workingHours', amount: 6 },
  calendar: 'default-store',
  startedAt: '2025-10-09T01:00:00.000Z',
  dueAt: '2025-10-09T07:00:00.000Z',
  metAt: null,
  state: 'open',
  overdueMs: 0,
  remindAt: null,
  breachFines: [],
});
const approval = (approver: string): Approval => ({
  source,
  approver,
  before: 'closed',
  reason: { 'zh-CN': '维修费用超过 200 元', en: 'Repair above 200 yuan' },
});
const outcome: Outcome = {
  deadlines: [deadline('a'), deadline('b')],
  approvals: [approval('generalManager'), approval('deputyGeneralManager')],
  fines: [{ source, payer: { role: 'technician' }, amount: 10, currency: 'CNY', reason: { 'zh-CN': '投诉', en: 'Complaint' } }],
  amounts: [],
  blocks: [],
  notices: [{ source, to: { role: 'supervisor' }, message: { 'zh-CN': '通知', en: 'Notice' } }],
};
const options = {
  locale: 'zh-CN' as const,
  timeZone: 'Asia/Shanghai',
  roleLabels: { generalManager: { 'zh-CN': '总经理', en: 'general manager' }, deputyGeneralManager: { 'zh-CN': '副总经理', en: 'deputy' } },
  statusLabels: { closed: { 'zh-CN': '已完成', en: 'Closed' } },
  now: '2025-10-09T02:00:00.000Z',
};

describe('outcome lines', () => {
  it('when an outcome asks for approvals among deadlines, fines and notices, then exactly the approval sentences carry their approval', () => {
    const lines = outcomeLines(outcome, options);
    expect(lines).toHaveLength(6);
    const marked = lines.filter((l) => l.approval !== undefined);
    expect(marked.map((l) => l.approval)).toEqual(outcome.approvals);
    expect(marked.map((l) => l.text)).toEqual([
      '进入“已完成”前需总经理审批：维修费用超过 200 元',
      '进入“已完成”前需副总经理审批：维修费用超过 200 元',
    ]);
    for (const line of lines.filter((l) => l.approval === undefined)) expect(line.text).not.toContain('审批');
  });

  it('when an outcome has no deadlines, then its first sentences are the approvals', () => {
    const lines = outcomeLines({ ...outcome, deadlines: [] }, { ...options, locale: 'en' });
    expect(lines[0]).toEqual({
      text: `Needs the general manager's approval before "Closed": Repair above 200 yuan`,
      approval: outcome.approvals[0],
    });
    expect(lines.slice(2).every((l) => l.approval === undefined)).toBe(true);
  });
});
