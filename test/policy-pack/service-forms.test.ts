import { describe, expect, it } from 'vitest';
import { countOf, evaluate, outcomesOf, policyFor } from './harness.js';

const complaint = {
  customer: '周先生',
  contact: '13700137000',
  receivedAt: '2025-10-20T10:00:00+08:00',
  category: 'quality',
  severity: 'general',
  description: '柜门安装不平',
  handledBy: '小刘',
};
const now = { now: '2025-10-20T10:05:00+08:00' };

describe('F3 complaint log', () => {
  it('F3 accepts: a complaint with customer, time, category, severity and description', () => {
    expect(policyFor('complaint-log').validate(complaint).valid).toBe(true);
  });

  it('F3 refuses: a complaint without a description and with an unknown severity', () => {
    const { description: _d, ...rest } = complaint;
    expect(
      policyFor('complaint-log')
        .validate({ ...rest, severity: 'catastrophic' })
        .errors.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/description', '/severity']);
  });

  it('P1 applies: when the complaint is against the after-sales supervisor, then he pays 10 yuan', async () => {
    const { fines } = outcomesOf(
      await evaluate('complaint-log', { ...complaint, againstRole: 'afterSalesSupervisor', againstPerson: '孙主管' }, now),
      'P1',
    );
    expect(fines).toEqual([
      expect.objectContaining({ amount: 10, payer: expect.objectContaining({ role: 'afterSalesSupervisor', person: '孙主管' }) }),
    ]);
  });

  it('P1 does not apply: when the complaint is against a technician', async () => {
    expect(countOf(await evaluate('complaint-log', { ...complaint, againstRole: 'technician' }, now), 'P1')).toBe(0);
  });

  it('P2 applies: when an unresolved complaint was not reported to the superior, then the handler pays 20 yuan', async () => {
    const { fines } = outcomesOf(await evaluate('complaint-log', { ...complaint, resolved: false, reportedToSuperior: false }, now), 'P2');
    expect(fines).toEqual([expect.objectContaining({ amount: 20, payer: expect.objectContaining({ person: '小刘' }) })]);
  });

  it('P2 does not apply: when the unresolved complaint was reported', async () => {
    expect(countOf(await evaluate('complaint-log', { ...complaint, resolved: false, reportedToSuperior: true }, now), 'P2')).toBe(0);
  });

  it('A10 applies: when a complaint is serious, then the deputy general manager must approve before it is resolved', async () => {
    const { approvals } = outcomesOf(await evaluate('complaint-log', { ...complaint, severity: 'serious' }, now), 'A10');
    expect(approvals).toEqual([expect.objectContaining({ approver: 'deputyGeneralManager', before: 'resolved' })]);
  });

  it('A10 does not apply: when a complaint is general, then no approval is needed (the service department is told)', async () => {
    const outcome = outcomesOf(await evaluate('complaint-log', complaint, now), 'A10');
    expect(outcome.approvals).toEqual([]);
    expect(outcome.notices).toEqual([expect.objectContaining({ to: { role: 'serviceDepartment' } })]);
  });

  it('T8 applies: when a complaint comes in October, then it must be in the monthly report by Nov 5 17:00', async () => {
    const [deadline] = outcomesOf(await evaluate('complaint-log', complaint, now), 'T8').deadlines;
    expect(deadline).toMatchObject({ key: 'monthlyReport', dueAt: '2025-11-05T09:00:00.000Z' });
  });

  it('T8 does not apply: when no receiving time is known (a draft), then no report deadline', async () => {
    const { receivedAt: _r, ...draft } = complaint;
    const evaluation = await policyFor('complaint-log').evaluate(draft, now);
    expect(countOf(evaluation, 'T8')).toBe(0);
  });
});

describe('F4 return visit', () => {
  const visit = {
    ticketRef: 'SH-0930-01',
    visitTime: '2025-10-12T10:00:00+08:00',
    method: 'phone',
    satisfied: true,
    ratings: { attitude: 'verySatisfied', skill: 'satisfied', arrivalOnTime: 'fair', promiseKept: 'satisfied' },
  };

  it('F4 accepts: a visit with the four ratings', () => {
    expect(policyFor('return-visit').validate(visit).valid).toBe(true);
  });

  it('F4 refuses: a visit with an unknown rating level', () => {
    expect(policyFor('return-visit').validate({ ...visit, ratings: { attitude: 'wonderful' } }).errors[0]!.pointer).toBe(
      '/ratings/attitude',
    );
  });

  it('when the customer is not satisfied, then customer service is told to dispatch a second repair', async () => {
    const evaluation = await evaluate('return-visit', { ...visit, satisfied: false }, { now: '2025-10-12T10:05:00+08:00' });
    expect(evaluation.outcome.notices).toEqual([expect.objectContaining({ to: { role: 'customerServiceClerk' } })]);
  });
});

describe('F6 technician daily report', () => {
  const report = {
    technician: '王师傅',
    date: '2025-10-09',
    jobs: [{ ticketNo: 'SH-1', serviceCategory: 'repair', hours: 2.5 }],
    totalHours: 2.5,
  };

  it('F6 accepts: a day with its jobs and hours', () => {
    expect(policyFor('technician-daily-report').validate(report).valid).toBe(true);
  });

  it('F6 refuses: a job of 30 hours in one day', () => {
    expect(
      policyFor('technician-daily-report').validate({ ...report, jobs: [{ serviceCategory: 'repair', hours: 30 }] }).errors[0]!.pointer,
    ).toBe('/jobs/0/hours');
  });
});

describe('F7 maintenance contract', () => {
  const contract = {
    contractNo: 'BY-2025-01',
    customer: '赵女士',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    installDate: '2025-01-01',
    partLifeMonths: 12,
  };
  const at = { now: '2025-11-01T09:00:00+08:00' };

  it('F7 accepts: a contract with its start and end', () => {
    expect(policyFor('maintenance-contract').validate(contract).valid).toBe(true);
  });

  it('F7 refuses: a contract with a date that does not exist', () => {
    expect(policyFor('maintenance-contract').validate({ ...contract, endDate: '2025-02-30' }).errors[0]!.pointer).toBe('/endDate');
  });

  it('T7 applies: when a contract ends Dec 31, then the renewal notice is due Nov 30 00:00 (one month before, clamped)', async () => {
    const [deadline] = outcomesOf(await evaluate('maintenance-contract', contract, at), 'T7').deadlines;
    expect(deadline).toMatchObject({ key: 'renewalNotice', dueAt: '2025-11-29T16:00:00.000Z', state: 'open' });
  });

  it('T7 does not apply: when the notice was sent, then the deadline is met', async () => {
    const [deadline] = outcomesOf(
      await evaluate('maintenance-contract', { ...contract, renewalNoticeSentAt: '2025-11-20T10:00:00+08:00' }, at),
      'T7',
    ).deadlines;
    expect(deadline!.state).toBe('met');
  });

  it('C5 applies: when installed Jan 1 with a 12-month part life, then free maintenance ends Jan 1 next year with a reminder 30 days before', async () => {
    const [deadline] = outcomesOf(await evaluate('maintenance-contract', contract, at), 'C5').deadlines;
    expect(deadline).toMatchObject({ key: 'freeMaintenanceEnds', dueAt: '2025-12-31T16:00:00.000Z', remindAt: '2025-12-01T16:00:00.000Z' });
  });

  it('C5 does not apply: when no part life is known', async () => {
    const { partLifeMonths: _p, ...rest } = contract;
    expect(countOf(await evaluate('maintenance-contract', rest, at), 'C5')).toBe(0);
  });
});
