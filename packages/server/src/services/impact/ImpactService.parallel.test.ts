import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../store/types.js';
import type { Principal } from '../Principal.js';
import { startTestServer, type TestServer } from '../../testing/startTestServer.js';
import { ImpactService } from './ImpactService.js';
import type { ImpactRequest } from './ImpactRequest.js';
import { ImpactWorkerPool } from './ImpactWorkerPool.js';

// The parallel replay (worker threads reading parts of the window from the SQLite file themselves,
// their tallies merged on the request's thread) must give the whole answer of the replay on the
// request's thread (the reference), on generated stores: records with creation times that tie across
// part bounds, in several stores and statuses, for generated drafts, windows, scopes and part sizes.

const repoFile = (path: string) => readFileSync(new URL(`../../../../../${path}`, import.meta.url), 'utf8');
type RuleSet = { id: string; rules: { name: string; event: { params: Record<string, unknown> } }[] };
const turnaround = JSON.parse(repoFile('rules/after-sales-record/turnaround.rules.json')) as RuleSet;

/** T1 urban at `hours` working hours, with a fine on the technician when late (or none). */
function t1Draft(hours: number, fine: number | null): ImpactRequest['draft'] {
  const copy = structuredClone(turnaround);
  const params = copy.rules.find((r) => r.name === 'T1-urban')!.event.params;
  params.limit = { unit: 'workingHours', amount: hours };
  if (fine !== null)
    params.onBreach = {
      fines: [{ payer: { role: 'technician', personField: 'technician' }, amount: fine, reason: { 'zh-CN': '迟到', en: 'Late' } }],
    };
  return { kind: 'ruleset', id: turnaround.id, definition: copy };
}

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`ImpactService.parallel: fast-check seed ${seed} (FC_SEED=${seed} repeats it)`);

const STORES = ['解放路店', '人民路店', '建设路店'];
const now = new Date('2026-12-01T10:00:00+08:00');
const recordArbitrary = fc.record({
  // Few distinct creation instants: many records share one, so part bounds fall inside ties.
  day: fc.integer({ min: 1, max: 120 }),
  slot: fc.integer({ min: 0, max: 2 }),
  arrivalMinutes: fc.option(fc.integer({ min: 10, max: 900 }), { nil: undefined }),
  zone: fc.constantFrom('urban', 'suburban'),
  securitySystemFault: fc.option(fc.boolean(), { nil: undefined }),
  technician: fc.option(fc.constantFrom('王师傅', '李师傅', '张师傅'), { nil: undefined }),
  store: fc.option(fc.constantFrom(...STORES), { nil: null }),
  assignee: fc.option(fc.constantFrom('王师傅', 'mgr'), { nil: null }),
  createdBy: fc.constantFrom('admin', 'mgr'),
  status: fc.constantFrom(null, 'received', 'onSite', 'completed'),
  writtenAfterHours: fc.integer({ min: 0, max: 400 }),
});
type Generated = typeof recordArbitrary extends fc.Arbitrary<infer T> ? T : never;
const storeArbitrary = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 999_999 }), recordArbitrary), {
  minLength: 0,
  maxLength: 70,
  selector: ([id]) => id,
});

let server: TestServer;
let pool: ImpactWorkerPool;
const user = (username: string, roles: Role[], stores: string[]): Principal => ({
  kind: 'user',
  sessionHash: null,
  user: { id: username, username, displayName: username, passwordHash: '', roles, policyRoles: [], stores, createdAt: '' },
});
const principals = [user('admin', ['admin'], []), user('mgr', ['manager'], ['人民路店']), user('mgr', ['manager'], [])];

/** Replaces every record of the store with these, straight into the file (as a bulk import would). */
function fillStore(records: [number, Generated][]): void {
  const db = new Database(join(server.dataDir, 'aftersales.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `INSERT INTO records (id, form_id, form_version, rule_set_versions, status, data, evaluation, store, assignee, created_by, created_at, updated_at, rev)
       VALUES (?, 'after-sales-record', 1, '{}', ?, ?, '{}', ?, ?, ?, ?, ?, 1)`,
    );
    db.transaction(() => {
      db.prepare('DELETE FROM records').run();
      for (const [n, r] of records) {
        const call = new Date(now.getTime() - r.day * 86_400_000 - (2 + r.slot * 3) * 3_600_000);
        const data = {
          ticketNo: `SH-${String(n).padStart(6, '0')}`,
          ...(r.store ? { store: r.store } : {}),
          customer: { name: `客户${n}`, phone: '13800138000', address: '解放路 18 号' },
          brand: 'kohler',
          serviceType: 'repair',
          problemDescription: '漏水',
          zone: r.zone,
          callTime: call.toISOString(),
          ...(r.securitySystemFault === undefined ? {} : { securitySystemFault: r.securitySystemFault }),
          ...(r.technician ? { technician: r.technician } : {}),
          ...(r.arrivalMinutes === undefined ? {} : { arrivalTime: new Date(call.getTime() + r.arrivalMinutes * 60_000).toISOString() }),
        };
        const written = new Date(call.getTime() + r.writtenAfterHours * 3_600_000).toISOString();
        const id = `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
        insert.run(id, r.status, JSON.stringify(data), r.store, r.assignee, r.createdBy, call.toISOString(), written);
      }
    })();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  pool = new ImpactWorkerPool(2);
}, 60_000);
afterAll(async () => {
  await pool.close();
  await server.close();
});

describe('ImpactService on worker threads reading parts of the store themselves', () => {
  it('when records, draft, window, scope and part size are generated, then the whole answer is the one of the replay on the request’s thread', async () => {
    const parts = vi.spyOn(pool, 'replayPart');
    await fc.assert(
      fc.asyncProperty(
        storeArbitrary,
        fc.integer({ min: 1, max: 8 }),
        fc.option(fc.constantFrom(10, 50, 12.5), { nil: null }),
        fc.constantFrom('90d', 'all', '30d'),
        fc.integer({ min: 0, max: principals.length - 1 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 12 }),
        async (records, hours, fine, since, who, partSize, listLimit) => {
          fillStore(records);
          const request: ImpactRequest = { draft: t1Draft(hours, fine), since };
          const reference = new ImpactService(server.services, null, { listLimit });
          const parallel = new ImpactService(server.services, pool, { poolFrom: 0, partSize, listLimit });
          const principal = principals[who]!;
          const expected = await reference.run(await reference.prepare(principal, request));
          const calls = parts.mock.calls.length;
          const answer = await parallel.run(await parallel.prepare(principal, request));
          expect(answer.threads).toBe(2);
          // Read by the workers in parts (an empty window: one part of nothing).
          expect(parts.mock.calls.length - calls).toBeGreaterThanOrEqual(Math.ceil(answer.checked / partSize));
          expect({ ...answer, threads: 1 }).toEqual(expected);
        },
      ),
      { seed, numRuns: 25 },
    );
  }, 240_000);
});
