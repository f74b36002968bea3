import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../Principal.js';
import { startTestServer, type TestServer } from '../../testing/startTestServer.js';
import { ImpactService } from './ImpactService.js';
import type { ImpactRequest } from './ImpactRequest.js';

// The replay reads only the record fields the two policies read (`recordFieldsRead`); its answer
// must be the one of the replay that reads every record whole, on generated records.

const repoFile = (path: string) => readFileSync(new URL(`../../../../../${path}`, import.meta.url), 'utf8');
type RuleSet = { id: string; rules: { name: string; event: { params: Record<string, unknown> } }[] };
const turnaround = JSON.parse(repoFile('rules/after-sales-record/turnaround.rules.json')) as RuleSet;
const service = JSON.parse(repoFile('rules/after-sales-record/service.rules.json')) as RuleSet;
const calendar = JSON.parse(repoFile('rules/calendars/default-store.calendar.json')) as { holidays: unknown[] };

function changed(ruleSet: RuleSet, rule: string, change: (params: Record<string, unknown>) => void): RuleSet {
  const copy = structuredClone(ruleSet);
  change(copy.rules.find((r) => r.name === rule)!.event.params);
  return copy;
}

const drafts: [string, ImpactRequest['draft']][] = [
  [
    'T1 lowered to 4 working hours with a fine',
    {
      kind: 'ruleset',
      id: turnaround.id,
      definition: changed(turnaround, 'T1-urban', (p) => {
        p.limit = { unit: 'workingHours', amount: 4 };
        p.onBreach = {
          fines: [{ payer: { role: 'technician', personField: 'technician' }, amount: 50, reason: { 'zh-CN': '迟到', en: 'Late' } }],
        };
      }),
    },
  ],
  [
    'the same-day finish an hour before closing',
    {
      kind: 'ruleset',
      id: turnaround.id,
      definition: changed(turnaround, 'T12-finish-today', (p) => {
        p.limit = { unit: 'endOfWorkingDay', amount: 60 };
      }),
    },
  ],
  [
    'the revenue fine doubled',
    {
      kind: 'ruleset',
      id: service.id,
      definition: changed(service, 'P6-clerk', (p) => {
        p.amount = { mul: [2, p.amount as object] };
      }),
    },
  ],
  [
    'a holiday in the middle of the month',
    {
      kind: 'calendar',
      id: 'default-store',
      definition: { ...calendar, holidays: [...calendar.holidays, { date: '2026-11-11', name: { 'zh-CN': '休息', en: 'Day off' } }] },
    },
  ],
];

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`ImpactService.fields: fast-check seed ${seed} (FC_SEED=${seed} repeats it)`);

const at = (day: number, minutes: number) => new Date(Date.UTC(2026, 10, day, 0, 0) - 8 * 3_600_000 + minutes * 60_000);
const later = (base: Date, minutes: number | null) =>
  minutes === null ? undefined : new Date(base.getTime() + minutes * 60_000).toISOString();
const recordArbitrary = fc.record({
  day: fc.integer({ min: 2, max: 27 }),
  callMinutes: fc.integer({ min: 7 * 60, max: 20 * 60 }),
  zone: fc.constantFrom('urban', 'suburban'),
  securitySystemFault: fc.option(fc.boolean(), { nil: undefined }),
  ringZone: fc.option(fc.constantFrom('ring1', 'ring2', 'ring3', 'nearbyCity'), { nil: undefined }),
  serviceType: fc.constantFrom('repair', 'install', 'measure'),
  billingCategory: fc.option(fc.constantFrom('paid', 'free'), { nil: undefined }),
  technician: fc.option(fc.constantFrom('王师傅', '李师傅', '张师傅'), { nil: undefined }),
  dispatch: fc.option(fc.integer({ min: 0, max: 600 })),
  arrival: fc.option(fc.integer({ min: 10, max: 2_000 })),
  completed: fc.option(fc.integer({ min: 60, max: 3_000 })),
  fee: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  revenueHanded: fc.option(fc.integer({ min: 0, max: 8_000 })),
  unfinishedReason: fc.option(fc.constantFrom('', '缺件'), { nil: undefined }),
  store: fc.constantFrom('解放路店', '人民路店'),
});

let clock = new Date('2026-11-01T08:00:00+08:00');
let server: TestServer;
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

beforeAll(async () => {
  server = await startTestServer({ clock: () => clock });
  // One call the holiday draft always changes: called Tuesday 10 November at 16:00, it is due 6 working hours later on
  // Wednesday at 14:00, or on Thursday at 14:00 with the Wednesday off; the arrival on Thursday at 10:00 is late, then on time.
  // Not a security fault: T1 leaves those to its own rule (a seed that drew one failed in CI: FC_SEED=1354243768).
  const lateUnlessHoliday = {
    ...fc.sample(recordArbitrary, { seed, numRuns: 1 })[0]!,
    day: 10,
    callMinutes: 16 * 60,
    zone: 'urban' as const,
    securitySystemFault: false,
    dispatch: 10,
    arrival: 42 * 60,
    completed: 43 * 60,
  };
  const records = [lateUnlessHoliday, ...fc.sample(recordArbitrary, { seed: seed + 1, numRuns: 59 })];
  for (const [i, r] of records.entries()) {
    const call = at(r.day, r.callMinutes);
    // The form's checks: a completion not before the arrival, and no time after the moment the record is written.
    const completedAt = later(call, r.completed === null ? null : Math.max(r.completed, r.arrival ?? 0));
    const data = {
      store: r.store,
      customer: { name: `客户${i + 1}`, phone: '13800138000', address: '解放路 18 号' },
      brand: 'kohler',
      serviceType: r.serviceType,
      problemDescription: `第 ${i + 1} 单`,
      zone: r.zone,
      callTime: call.toISOString(),
      ...(r.securitySystemFault === undefined ? {} : { securitySystemFault: r.securitySystemFault }),
      ...(r.ringZone ? { ringZone: r.ringZone } : {}),
      ...(r.billingCategory ? { billingCategory: r.billingCategory } : {}),
      ...(r.technician ? { technician: r.technician } : {}),
      ...(r.dispatch === null ? {} : { dispatchTime: later(call, r.dispatch) }),
      ...(r.arrival === null ? {} : { arrivalTime: later(call, r.arrival) }),
      ...(completedAt ? { completedAt } : {}),
      ...(r.fee === undefined ? {} : { fee: r.fee }),
      ...(completedAt && r.revenueHanded !== null ? { revenueHandedAt: later(new Date(completedAt), r.revenueHanded) } : {}),
      ...(r.unfinishedReason === undefined ? {} : { unfinishedReason: r.unfinishedReason }),
    };
    // Written (and so last evaluated) a while after the call: some deadlines are still open then.
    const given = [data.dispatchTime, data.arrivalTime, completedAt, data.revenueHandedAt].map((t) => (t ? Date.parse(t) : 0));
    clock = new Date(Math.max(call.getTime() + ((i * 97) % 3_000) * 60_000, ...given));
    await server.services.records.create('after-sales-record', data, 'admin', { store: r.store });
  }
  // After the last write (a record is written once its last time has passed, up to a week after the call).
  clock = new Date('2026-12-06T10:00:00+08:00');
}, 120_000);
afterAll(() => server.close());

describe('ImpactService reading only the fields the rules read', () => {
  it.each(drafts)(
    'when the draft is %s, then the answer is the one of the replay reading whole records',
    async (_, draft) => {
      const narrow = new ImpactService(server.services, null, { listLimit: 20 });
      const whole = new ImpactService(server.services, null, { listLimit: 20, wholeRecords: true });
      const prepared = await narrow.prepare(admin, { draft });
      expect(prepared.total).toBe(60);
      // Other forms' rule sets may read history facts (their records are read whole); F1's are cut down.
      const f1 = prepared.plans.find((p) => p.formId === 'after-sales-record')!;
      expect(f1.fields).toBeDefined();
      expect(f1.fields).not.toContain('problemDescription');
      const fast = await narrow.run(prepared);
      const reference = await whole.run(await whole.prepare(admin, { draft }));
      expect(reference.checked).toBe(60);
      expect(reference.changed).toBeGreaterThan(0);
      expect(fast).toEqual(reference);
    },
    60_000,
  );

  it('when T1 alone changes, then only the fields its two sides read are read', async () => {
    const narrow = new ImpactService(server.services, null);
    const prepared = await narrow.prepare(admin, { draft: drafts[0]![1] });
    expect(prepared.plans.map((p) => p.fields)).toEqual([['arrivalTime', 'callTime', 'securitySystemFault', 'technician', 'zone']]);
  });
});
