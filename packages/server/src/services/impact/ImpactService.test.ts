import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../Principal.js';
import { startTestServer, type TestServer } from '../../testing/startTestServer.js';
import { ImpactService } from './ImpactService.js';
import { ImpactWorkerPool } from './ImpactWorkerPool.js';

// Hand-checked: the default store calendar works 09:00-12:00 and 13:00-18:00 on weekdays, so a call
// at 09:00 on Monday 2 November 2026 is due on site (T1 urban, 6 working hours) at 16:00; with 4
// working hours at 14:00.

const repoFile = (path: string) => readFileSync(new URL(`../../../../../${path}`, import.meta.url), 'utf8');
const turnaround = JSON.parse(repoFile('rules/after-sales-record/turnaround.rules.json')) as {
  id: string;
  rules: { name: string; event: { params: Record<string, unknown> } }[];
};
const calendar = JSON.parse(repoFile('rules/calendars/default-store.calendar.json')) as { holidays: unknown[] };

/** T1 urban lowered to `hours` working hours, with a 50 yuan fine on the technician when late. */
function lowerT1(hours: number) {
  const copy = structuredClone(turnaround);
  const rule = copy.rules.find((r) => r.name === 'T1-urban')!;
  rule.event.params.limit = { unit: 'workingHours', amount: hours };
  rule.event.params.onBreach = {
    fines: [
      {
        payer: { role: 'technician', personField: 'technician' },
        amount: 50,
        currency: 'CNY',
        reason: { 'zh-CN': '到场超时', en: 'Arrived late' },
      },
    ],
  };
  return copy;
}

let clock = new Date('2026-11-02T08:00:00+08:00');
let server: TestServer;
let service: ImpactService;
const admin: Principal = {
  kind: 'user',
  sessionHash: null,
  user: {
    id: 'u1',
    username: 'admin',
    displayName: 'Admin',
    passwordHash: '',
    roles: ['admin'],
    policyRoles: [],
    stores: [],
    createdAt: '',
  },
};
const managerOf = (store: string): Principal => ({
  kind: 'user',
  sessionHash: null,
  user: {
    id: 'u2',
    username: 'mgr',
    displayName: '店长',
    passwordHash: '',
    roles: ['manager'],
    policyRoles: [],
    stores: [store],
    createdAt: '',
  },
});

/** A Monday call at 09:00 in an urban zone, on site at `arrival`, written at `arrival` + 1 h. */
async function call(ticketNo: string, store: string, technician: string, arrival: string) {
  clock = new Date(`2026-11-02T${arrival}:00+08:00`);
  clock = new Date(clock.getTime() + 3_600_000);
  await server.services.records.create(
    'after-sales-record',
    {
      ticketNo,
      store,
      customer: { name: `客户${ticketNo}`, phone: '13800138000', address: '解放路 18 号' },
      brand: 'kohler',
      serviceType: 'repair',
      problemDescription: '漏水',
      zone: 'urban',
      callTime: '2026-11-02T09:00:00+08:00',
      technician,
      arrivalTime: `2026-11-02T${arrival}:00+08:00`,
    },
    'admin',
    { store },
  );
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => clock });
  await call('SH-1', '解放路店', '王师傅', '14:30'); // 4.5 working hours: on time, late under 4
  await call('SH-2', '人民路店', '李师傅', '11:00'); // 2 working hours: on time under both
  await call('SH-3', '人民路店', '王师傅', '15:30'); // 5.5 working hours: on time, late under 4
  await call('SH-4', '解放路店', '李师傅', '17:00'); // 7 working hours: late under both
  clock = new Date('2026-11-20T10:00:00+08:00');
  service = new ImpactService(server.services, null);
}, 60_000);
afterAll(() => server.close());

const T1 = 'after-sales-record.turnaround/T1-urban';

describe('ImpactService', () => {
  it('when T1 is lowered to 4 working hours, then the two arrivals between 4 and 6 hours become late, on their technician, with their fines', async () => {
    const prepared = await service.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id, definition: lowerT1(4) } });
    expect(prepared.total).toBe(4);
    const answer = await service.run(prepared);
    expect(answer.checked).toBe(4);
    expect(answer.changed).toBe(4); // every due time moved from 16:00 to 14:00
    expect(answer.totals).toMatchObject({ becameLate: 2, becameOnTime: 0, deadlinesMoved: 4, finesAdded: 3, finesAddedAmount: 150 });
    const wang = answer.byPerson.find((p) => p.person === '王师傅')!;
    expect(wang).toMatchObject({ role: 'technician', records: 2, becameLate: 2, finesAddedAmount: 100 });
    expect(wang.roleLabel?.['zh-CN']).toBeTruthy();
    expect(answer.byPerson.find((p) => p.person === '李师傅')).toMatchObject({ records: 2, becameLate: 0, finesAddedAmount: 50 });
    expect(answer.byStore.find((s) => s.store === '解放路店')).toMatchObject({ records: 2, becameLate: 1 });
    expect(answer.byMonth).toEqual([expect.objectContaining({ month: '2026-11', records: 4, becameLate: 2 })]);
    expect(answer.byRule).toEqual([
      expect.objectContaining({ rule: T1, becameLate: 2, title: expect.objectContaining({ en: expect.any(String) }) }),
    ]);
    const late = answer.records.filter((r) => r.deadlines.some((d) => d.after?.late && !d.before?.late));
    // Named by title: the server's ticket number (numbered per store and day), the customer, the date.
    expect(late.map((r) => r.title['zh-CN'].replace(/SH-20261102-\d{3}/, 'SH-…')).sort()).toEqual([
      '售后服务处理记录表 · SH-… · 客户SH-1 · 2026-11-02',
      '售后服务处理记录表 · SH-… · 客户SH-3 · 2026-11-02',
    ]);
    const arrival = late[0]!.deadlines.find((d) => d.key === 'arrival')!;
    expect(arrival.before).toEqual({ dueAt: '2026-11-02T08:00:00.000Z', late: false });
    expect(arrival.after).toEqual({ dueAt: '2026-11-02T06:00:00.000Z', late: true });
  });

  it('when the draft also renames the rule, then the answer names it as the draft does', async () => {
    const renamed = lowerT1(4);
    Object.assign(
      renamed.rules.find((r) => r.name === 'T1-urban')!,
      {
        title: {
          'zh-CN': '市区 4 个工作小时内到场',
          en: 'Urban: on site within 4 working hours',
        },
      },
    );
    const answer = await service.run(await service.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id, definition: renamed } }));
    expect(answer.byRule.find((r) => r.rule === T1)?.title).toEqual({
      'zh-CN': '市区 4 个工作小时内到场',
      en: 'Urban: on site within 4 working hours',
    });
  });

  it('when the draft is the rule set’s stored draft, then it is the one replayed', async () => {
    await server.services.definitions.saveDraft('ruleset', turnaround.id, lowerT1(5), 'admin');
    const answer = await service.run(await service.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id } }));
    expect(answer.totals.becameLate).toBe(1); // only SH-3 (5.5 h) is past 5 working hours
    await server.services.definitions.discardDraft('ruleset', turnaround.id, 'admin');
  });

  it('when a calendar draft makes that Monday a holiday, then the arrival due moves to Tuesday 16:00 and the 7-hour arrival is on time', async () => {
    const draft = { ...calendar, holidays: [...calendar.holidays, { date: '2026-11-02', name: { 'zh-CN': '临时休息', en: 'Day off' } }] };
    const answer = await service.run(await service.prepare(admin, { draft: { kind: 'calendar', id: 'default-store', definition: draft } }));
    expect(answer.checked).toBe(4);
    const t1 = answer.byRule.find((r) => r.rule === T1)!;
    expect(t1).toMatchObject({ records: 4, deadlinesMoved: 4, becameOnTime: 1, becameLate: 0 });
    const sh4 = answer.records.find((r) => r.title.en.includes('SH-4'))!;
    expect(sh4.deadlines.find((d) => d.key === 'arrival')).toMatchObject({
      before: { dueAt: '2026-11-02T08:00:00.000Z', late: true },
      after: { dueAt: '2026-11-03T08:00:00.000Z', late: false },
    });
  });

  it('when a store manager asks, then only the records of their store are replayed', async () => {
    const answer = await service.run(
      await service.prepare(managerOf('人民路店'), { draft: { kind: 'ruleset', id: turnaround.id, definition: lowerT1(4) } }),
    );
    expect(answer.checked).toBe(2);
    expect(answer.byStore.map((s) => s.store)).toEqual(['人民路店']);
    expect(answer.records.map((r) => r.title.en.replace(/SH-20261102-\d{3}/, 'SH-…')).sort()).toEqual([
      'After-sales service record · SH-… · 客户SH-2 · 2026-11-02',
      'After-sales service record · SH-… · 客户SH-3 · 2026-11-02',
    ]);
  });

  it('when the window starts after the records, then nothing is read', async () => {
    const answer = await service.run(
      await service.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id, definition: lowerT1(4) }, since: '7d' }),
    );
    expect(answer).toMatchObject({ checked: 0, changed: 0 });
  });

  it('when the replay runs on worker threads, then the answer is the same as on one thread', async () => {
    const pool = new ImpactWorkerPool(2);
    try {
      const parallel = new ImpactService(server.services, pool, { poolFrom: 1, batchSize: 1 });
      const request = { draft: { kind: 'ruleset' as const, id: turnaround.id, definition: lowerT1(4) } };
      const one = await service.run(await service.prepare(admin, request));
      const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
      const before = ports();
      const many = await parallel.run(await parallel.prepare(admin, request));
      expect(many.threads).toBe(2);
      expect({ ...many, threads: 1 }).toEqual(one);
      // The kept workers do not hold the process open: a server or a bench that is done exits.
      expect(ports()).toBe(before);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('when the signal is aborted, then the replay stops with its reason', async () => {
    const controller = new AbortController();
    const prepared = await service.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id, definition: lowerT1(4) } });
    controller.abort(new Error('cancelled by the client'));
    await expect(service.run(prepared, { signal: controller.signal })).rejects.toThrow('cancelled by the client');
  });

  it('when the window holds more records than the limit, then it is refused with a pointer at since', async () => {
    const small = new ImpactService(server.services, null, { maxRecords: 3 });
    await expect(small.prepare(admin, { draft: { kind: 'ruleset', id: turnaround.id, definition: lowerT1(4) } })).rejects.toMatchObject({
      code: 'unprocessable',
      reason: 'impact.tooManyRecords',
      params: { max: 3 },
      details: [expect.objectContaining({ pointer: '/since', messageZh: '最多 3 条记录' })],
    });
  });
});
