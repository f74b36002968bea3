import { describe, expect, it } from 'vitest';
import { countOf, evaluate, fired, outcomesOf, policyFor, storedSizes } from './harness.js';

const F1 = 'after-sales-record';
const call = {
  ticketNo: 'SH-0930-01',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  callTime: '2025-09-30T16:00:00+08:00',
  zone: 'urban',
  serviceType: 'repair',
  technician: '王师傅',
};
const at = (now: string) => ({ now, status: 'received' });

describe('F1 after-sales record', () => {
  it('F1 accepts: a call with ticket, customer, time, zone and service type', () => {
    expect(policyFor(F1).validate(call).valid).toBe(true);
  });

  it('F1 refuses: a call without a call time, with an unknown zone and a bad phone number', () => {
    const { valid, errors } = policyFor(F1).validate({
      ...call,
      callTime: undefined,
      zone: 'moon',
      customer: { name: '李', phone: '123' },
    });
    expect(valid).toBe(false);
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/callTime', '/customer/phone', '/zone']);
  });

  it('T1 applies: when an urban call comes at 16:00 before the National Day break, then arrival is due 6 working hours later on Oct 9 14:00', async () => {
    const [deadline] = outcomesOf(await evaluate(F1, call, at('2025-09-30T16:05:00+08:00')), 'T1').deadlines;
    expect(deadline).toMatchObject({
      key: 'arrival',
      dueAt: '2025-10-09T06:00:00.000Z',
      state: 'open',
      owner: { role: 'technician', person: '王师傅' },
    });
  });

  it('T1 applies: when a suburban call comes Friday 10:00, then arrival is due 7 working hours later at 18:00; arriving 17:00 meets it', async () => {
    const record = { ...call, zone: 'suburban', callTime: '2025-10-17T10:00:00+08:00', arrivalTime: '2025-10-17T17:00:00+08:00' };
    const [deadline] = outcomesOf(await evaluate(F1, record, at('2025-10-17T17:30:00+08:00')), 'T1').deadlines;
    expect(deadline).toMatchObject({ dueAt: '2025-10-17T10:00:00.000Z', state: 'met' });
  });

  it('T1 does not apply: when the call is a security-system fault, then T2 counts instead', async () => {
    const evaluation = await evaluate(F1, { ...call, securitySystemFault: true, ringZone: 'ring2' }, at('2025-09-30T16:05:00+08:00'));
    expect(countOf(evaluation, 'T1')).toBe(0);
    expect(countOf(evaluation, 'T2')).toBe(1);
  });

  it('T2 applies: when a security fault is inside the 1st ring, then arrival is due 2 clock hours later, even on a holiday', async () => {
    const [deadline] = outcomesOf(
      await evaluate(
        F1,
        { ...call, callTime: '2025-10-01T10:00:00+08:00', securitySystemFault: true, ringZone: 'ring1' },
        at('2025-10-01T10:05:00+08:00'),
      ),
      'T2',
    ).deadlines;
    expect(deadline).toMatchObject({ dueAt: '2025-10-01T04:00:00.000Z', calendar: 'round-the-clock' });
  });

  it('T2 does not apply: when the fault lies beyond the nearby cities (contract time), then no T2 deadline is set', async () => {
    expect(
      countOf(await evaluate(F1, { ...call, securitySystemFault: true, ringZone: 'beyond' }, at('2025-09-30T16:05:00+08:00')), 'T2'),
    ).toBe(0);
  });

  it('T3 applies: when 25 units are taken back on Monday 09:00, then they are due within 3 working days (Thursday 18:00)', async () => {
    const record = { ...call, resolution: 'takenBack', unitsReceived: 25, workshopInAt: '2025-10-13T09:00:00+08:00' };
    const [deadline] = outcomesOf(await evaluate(F1, record, at('2025-10-13T09:05:00+08:00')), 'T3').deadlines;
    expect(deadline).toMatchObject({ key: 'workshopRepair', limit: { unit: 'workingDays', amount: 3 }, dueAt: '2025-10-16T10:00:00.000Z' });
  });

  it('T3 does not apply: when the unit was fixed on site, then there is no workshop deadline', async () => {
    expect(
      countOf(await evaluate(F1, { ...call, resolution: 'fixedOnSite', unitsReceived: 1 }, at('2025-09-30T16:05:00+08:00')), 'T3'),
    ).toBe(0);
  });

  it('T4 applies: when the customer gets the unit back on Oct 10 11:00, then the return visit is due by Oct 13 11:00 and breached if not done', async () => {
    const [deadline] = outcomesOf(
      await evaluate(F1, { ...call, customerReceivedAt: '2025-10-10T11:00:00+08:00' }, at('2025-10-14T09:00:00+08:00')),
      'T4',
    ).deadlines;
    expect(deadline).toMatchObject({ key: 'returnVisit', dueAt: '2025-10-13T03:00:00.000Z', state: 'breached' });
  });

  it('T4 does not apply: when the customer has not got the unit back, then no return visit is due', async () => {
    expect(countOf(await evaluate(F1, call, at('2025-09-30T16:05:00+08:00')), 'T4')).toBe(0);
  });

  it('T5 applies: when a paid repair is requested, then it is due within 24 hours', async () => {
    const [deadline] = outcomesOf(
      await evaluate(F1, { ...call, billingCategory: 'paid' }, at('2025-09-30T16:05:00+08:00')),
      'T5',
    ).deadlines;
    expect(deadline).toMatchObject({ key: 'repairDone', dueAt: '2025-10-01T08:00:00.000Z' });
  });

  it('T5 does not apply: when the job is a delivery, then there is no 24-hour repair limit', async () => {
    expect(
      countOf(await evaluate(F1, { ...call, serviceType: 'delivery', billingCategory: 'paid' }, at('2025-09-30T16:05:00+08:00')), 'T5'),
    ).toBe(0);
  });

  it('T9 applies: when a 180-yuan repair is completed Oct 9 15:00, then the revenue is due at finance by Oct 12 15:00, with a breach fine of 180 to the technician', async () => {
    const record = { ...call, completedAt: '2025-10-09T15:00:00+08:00', fee: 180 };
    const [deadline] = outcomesOf(await evaluate(F1, record, at('2025-10-09T15:05:00+08:00')), 'T9').deadlines;
    expect(deadline).toMatchObject({ key: 'revenueToFinance', dueAt: '2025-10-12T07:00:00.000Z' });
    expect(deadline!.breachFines).toEqual([
      expect.objectContaining({ amount: 180, payer: expect.objectContaining({ role: 'technician', person: '王师傅' }) }),
    ]);
  });

  it('T9 does not apply: when the job was free (no fee), then no revenue deadline', async () => {
    expect(
      countOf(await evaluate(F1, { ...call, completedAt: '2025-10-09T15:00:00+08:00', fee: 0 }, at('2025-10-09T15:05:00+08:00')), 'T9'),
    ).toBe(0);
  });

  it('P6 applies: when the revenue is 4 days late and customer service did not chase it, then customer service is fined 5% (9 yuan of 180)', async () => {
    const record = { ...call, completedAt: '2025-10-09T15:00:00+08:00', fee: 180, revenueHandedAt: '2025-10-13T16:00:00+08:00' };
    const { fines } = outcomesOf(await evaluate(F1, record, at('2025-10-13T16:05:00+08:00')), 'P6');
    expect(fines).toEqual([expect.objectContaining({ amount: 9, payer: { role: 'customerServiceClerk' } })]);
  });

  it('P6 does not apply: when customer service chased the revenue, then it is not fined', async () => {
    const record = {
      ...call,
      completedAt: '2025-10-09T15:00:00+08:00',
      fee: 180,
      revenueHandedAt: '2025-10-13T16:00:00+08:00',
      clerkChasedRevenue: true,
    };
    expect(outcomesOf(await evaluate(F1, record, at('2025-10-13T16:05:00+08:00')), 'P6').fines).toEqual([]);
  });

  it('T11 applies: when a regulator call comes in, then its repair is due within two weeks; an imported one over 8 years old needs an overhaul', async () => {
    const record = { ...call, isRegulator: true, regulatorOrigin: 'imported', installDate: '2016-05-01' };
    const outcome = outcomesOf(await evaluate(F1, record, at('2025-09-30T16:05:00+08:00')), 'T11');
    expect(outcome.deadlines[0]).toMatchObject({ key: 'regulatorRepair', dueAt: '2025-10-14T08:00:00.000Z' });
    expect(outcome.notices).toEqual([expect.objectContaining({ to: { role: 'afterSalesManager' } })]);
  });

  it('T11 does not apply: when a domestic regulator is 3 years old, then no overhaul notice', async () => {
    const record = { ...call, isRegulator: true, regulatorOrigin: 'domestic', installDate: '2022-09-01' };
    expect(outcomesOf(await evaluate(F1, record, at('2025-09-30T16:05:00+08:00')), 'T11').notices).toEqual([]);
  });

  it('T12 applies: when a call is not dispatched, then it must be by 17:30 (half an hour before closing)', async () => {
    const [deadline] = outcomesOf(
      await evaluate(F1, { ...call, callTime: '2025-10-09T10:00:00+08:00' }, at('2025-10-09T17:45:00+08:00')),
      'T12',
    ).deadlines;
    expect(deadline).toMatchObject({ key: 'dispatchToday', dueAt: '2025-10-09T09:30:00.000Z', state: 'breached' });
  });

  it('T12 applies: when a call comes at 21:30 after closing, then dispatch is due 17:30 the next working day, not in the past', async () => {
    const evaluation = await evaluate(F1, { ...call, callTime: '2025-10-09T21:30:00+08:00' }, at('2025-10-09T21:31:00+08:00'));
    const [deadline] = outcomesOf(evaluation, 'T12').deadlines;
    expect(deadline).toMatchObject({ key: 'dispatchToday', dueAt: '2025-10-10T09:30:00.000Z', state: 'open' });
  });

  it('T12 applies: when a call comes at 17:45 after the dispatch check, then dispatch is due 17:30 the next working day', async () => {
    const [deadline] = outcomesOf(
      await evaluate(F1, { ...call, callTime: '2025-09-30T17:45:00+08:00' }, at('2025-09-30T17:50:00+08:00')),
      'T12',
    ).deadlines;
    expect(deadline).toMatchObject({ dueAt: '2025-10-09T09:30:00.000Z', state: 'open' });
  });

  it('T1 applies: when an urban call comes at 21:30, then arrival is due 6 working hours from the next opening (16:00)', async () => {
    const evaluation = await evaluate(F1, { ...call, callTime: '2025-10-09T21:30:00+08:00' }, at('2025-10-09T21:31:00+08:00'));
    expect(outcomesOf(evaluation, 'T1').deadlines[0]).toMatchObject({ key: 'arrival', dueAt: '2025-10-10T08:00:00.000Z', state: 'open' });
  });

  it('T12 does not apply: when a dispatched job records why it was not finished, then no finish-today deadline', async () => {
    const record = { ...call, dispatchTime: '2025-10-09T10:30:00+08:00', unfinishedReason: '缺配件，明日首先处理' };
    expect(outcomesOf(await evaluate(F1, record, at('2025-10-09T17:45:00+08:00')), 'T12').deadlines.map((d) => d.key)).toEqual([
      'dispatchToday',
    ]);
  });

  it('T13 applies: when the phone rang 5 times, then the after-sales manager is told', async () => {
    expect(outcomesOf(await evaluate(F1, { ...call, ringsBeforeAnswer: 5 }, at('2025-09-30T16:05:00+08:00')), 'T13').notices).toHaveLength(
      1,
    );
  });

  it('T13 does not apply: when the phone was answered at the third ring', async () => {
    expect(countOf(await evaluate(F1, { ...call, ringsBeforeAnswer: 3 }, at('2025-09-30T16:05:00+08:00')), 'T13')).toBe(0);
  });

  it('C3 applies: when an expert helped on a 300-yuan commission base, then the expert takes 180 and the technician 120', async () => {
    const { amounts } = outcomesOf(
      await evaluate(F1, { ...call, expertCalled: true, expertName: '陈工', commissionBase: 300 }, at('2025-09-30T16:05:00+08:00')),
      'C3',
    );
    expect(amounts.map((a) => [a.name, a.value])).toEqual([
      ['expertShare', 180],
      ['technicianShare', 120],
    ]);
  });

  it('C3 applies: when an expert did the job alone, then the expert takes 100%', async () => {
    const { technician: _t, ...alone } = call;
    const { amounts } = outcomesOf(
      await evaluate(F1, { ...alone, expertCalled: true, commissionBase: 300 }, at('2025-09-30T16:05:00+08:00')),
      'C3',
    );
    expect(amounts.map((a) => [a.name, a.value])).toEqual([['expertShare', 300]]);
  });

  it('C3 does not apply: when no expert was called, then no split', async () => {
    expect(countOf(await evaluate(F1, { ...call, commissionBase: 300 }, at('2025-09-30T16:05:00+08:00')), 'C3')).toBe(0);
  });

  it('C4 applies: when a product bought a year ago is billed as paid, then the record is blocked (inside warranty it is free)', async () => {
    const evaluation = await policyFor(F1).evaluate(
      { ...call, purchaseDate: '2024-10-01', billingCategory: 'paid' },
      at('2025-09-30T16:05:00+08:00'),
    );
    expect(outcomesOf(evaluation, 'C4').blocks[0]!.message.en).toMatch(/must be free/);
  });

  it('C4 does not apply: when a product bought 3 years ago with a maintenance contract is billed as contract', async () => {
    const evaluation = await evaluate(
      F1,
      { ...call, purchaseDate: '2022-06-01', hasMaintenanceContract: true, billingCategory: 'contract' },
      at('2025-09-30T16:05:00+08:00'),
    );
    expect(countOf(evaluation, 'C4')).toBe(0);
  });

  it('E1 applies: when installation is asked for Changgu tiles, then the record is blocked', async () => {
    const evaluation = await evaluate(F1, { ...call, serviceType: 'install', brand: 'changguTile' }, at('2025-09-30T16:05:00+08:00'));
    expect(outcomesOf(evaluation, 'E1').blocks).toHaveLength(1);
  });

  it('E1 does not apply: when design is asked for Gold cabinets', async () => {
    expect(
      countOf(await evaluate(F1, { ...call, serviceType: 'design', brand: 'goldenCabinet' }, at('2025-09-30T16:05:00+08:00')), 'E1'),
    ).toBe(0);
  });

  it('when every F1 rule is explained, then the explanation names each rule with its fact values', async () => {
    const evaluation = await evaluate(F1, call, at('2025-09-30T16:05:00+08:00'));
    expect(fired(evaluation)).toEqual(['T1-urban', 'T12-dispatch-today']);
    expect(evaluation.explanation.length).toBeGreaterThan(20);
  });

  // Runs last: every scenario above was stored and read back through the server's codec (harness.evaluate).
  it('when every F1 scenario record above is stored, then its stored evaluation averages at most 1.5 KB', () => {
    const sizes = storedSizes.get(F1) ?? [];
    expect(sizes.length).toBeGreaterThanOrEqual(20);
    const average = sizes.reduce((sum, n) => sum + n, 0) / sizes.length;
    console.log(`F1 stored evaluation: ${sizes.length} scenario records, ${Math.round(average)} bytes on average`);
    expect(average).toBeLessThanOrEqual(1536);
  });
});
