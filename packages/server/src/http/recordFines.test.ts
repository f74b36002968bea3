import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// A record's fines (its page reads them): the ledger filtered by record, with the ledger's role and store scope.

// The jobs are entered once they were done (times in the future are refused).
let now = new Date('2025-10-09T14:30:00+08:00');
let server: TestServer;
let admin: Client;
let manager: Client;
let outsider: Client;
let tech: Client;
let recordA = '';
let recordB = '';

type Fine = { id: string; recordId: string; amount: number; person: string | null; personName: string | null; origin: string };

const job = (technician: string, fee: number) => ({
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician,
  arrivalTime: '2025-10-09T12:00:00+08:00',
  resolution: 'fixedOnSite',
  fee,
  completedAt: '2025-10-09T14:00:00+08:00',
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, roles, stores] of [
    ['boss', '张经理', ['manager'], ['jiefang']],
    ['farboss', '远店经理', ['manager'], ['elsewhere']],
    ['tech', '王师傅', ['staff'], ['jiefang']],
    ['tech2', '赵师傅', ['staff'], ['jiefang']],
  ] as const)
    expect((await admin('POST', '/users', { username, displayName, password: `${username}-password-123`, roles, stores })).status).toBe(
      201,
    );
  manager = await server.signIn('boss', 'boss-password-123');
  recordA = (await manager('POST', '/records', { form: 'after-sales-record', data: job('tech', 180), store: 'jiefang' })).body.id;
  recordB = (await manager('POST', '/records', { form: 'after-sales-record', data: job('tech2', 90), store: 'jiefang' })).body.id;
  expect(recordA).toBeTruthy();
  expect(recordB).toBeTruthy();
  // Four days later neither job's revenue reached finance: the clock posts a breach fine on each.
  now = new Date('2025-10-13T15:00:00+08:00');
  admin = await server.signIn('admin', server.adminPassword);
  manager = await server.signIn('boss', 'boss-password-123');
  outsider = await server.signIn('farboss', 'farboss-password-123');
  tech = await server.signIn('tech', 'tech-password-123');
  expect((await admin('POST', '/clock/tick')).status).toBe(200);
}, 60_000);
afterAll(() => server.close());

describe('fines of one record', () => {
  it('when the ledger is asked for a record, then only that record’s fines come, with the payer’s display name, counted and summed alone', async () => {
    const all = (await manager('GET', '/fines')).body.items as Fine[];
    expect(new Set(all.map((f) => f.recordId))).toEqual(new Set([recordA, recordB]));
    const answer = await manager('GET', `/fines?record=${recordA}`);
    expect(answer.status).toBe(200);
    const items = answer.body.items as Fine[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((f) => f.recordId === recordA)).toBe(true);
    expect(items).toContainEqual(expect.objectContaining({ amount: 180, origin: 'breach', person: 'tech', personName: '王师傅' }));
    expect(answer.body.count).toBe(items.length);
    expect(answer.body.total).toBe(items.reduce((sum, f) => sum + f.amount, 0));
    expect(answer.body.summary.every((l: { personName: string }) => l.personName !== 'tech2' && l.personName !== '赵师傅')).toBe(true);
    // The other record's fines are its own.
    const other = (await manager('GET', `/fines?record=${recordB}`)).body.items as Fine[];
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((f) => f.recordId === recordB)).toBe(true);
    expect(other).toContainEqual(expect.objectContaining({ amount: 90, personName: '赵师傅' }));
  });

  it('when a fine of the record is waived, then the record’s fines hold the reversal too and net to nothing', async () => {
    const fine = ((await manager('GET', `/fines?record=${recordA}`)).body.items as Fine[]).find((f) => f.origin === 'breach')!;
    expect((await manager('POST', `/fines/${fine.id}/corrections`, { reason: '营业款当日已交' })).status).toBe(201);
    const answer = await manager('GET', `/fines?record=${recordA}`);
    expect(answer.body.items).toContainEqual(
      expect.objectContaining({ origin: 'reversal', amount: -180, corrects: fine.id, note: '营业款当日已交' }),
    );
    expect(answer.body.items.every((f: Fine) => f.recordId === recordA)).toBe(true);
    expect(answer.body.total).toBe(
      (answer.body.items as Fine[]).filter((f) => f.id !== fine.id && f.origin !== 'reversal').reduce((sum, f) => sum + f.amount, 0),
    );
  });

  it('when a fine of the record was waived, then its history holds the waiver for managers and admins; a technician’s pages and total leave it out', async () => {
    type Entry = { id: number; actor: string; entity: string; entityId: string; action: string; recordId?: string };
    /** Every page of the record's history at `limit`, and the totals the pages gave. */
    const history = async (client: Client, limit: number) => {
      const items: Entry[] = [];
      const totals = new Set<number>();
      let cursor: string | null = null;
      do {
        const page = await client('GET', `/records/${recordA}/history?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        items.push(...(page.body.items as Entry[]));
        totals.add(page.body.total as number);
        cursor = page.body.nextCursor as string | null;
      } while (cursor && items.length < 100);
      return { items, totals: [...totals] };
    };
    const waived = ((await manager('GET', `/fines?record=${recordA}`)).body.items as (Fine & { corrects?: string })[]).find(
      (f) => f.origin === 'reversal',
    )!;
    const managers = await history(manager, 500);
    const fines = managers.items.filter((e) => e.entity === 'fine');
    expect(fines).toEqual([
      expect.objectContaining({
        actor: 'boss',
        action: 'fine waived',
        entityId: waived.corrects,
        recordId: recordA,
        before: { amount: 180 },
        after: expect.objectContaining({ amount: 0, reason: '营业款当日已交' }),
      }),
    ]);
    expect(managers.totals).toEqual([managers.items.length]);
    expect((await history(admin, 500)).items.filter((e) => e.entity === 'fine')).toHaveLength(1);

    // The technician (no fines ledger for them) reads the rest, page by page, with a total that counts no fine.
    const technicians = await history(tech, 1);
    expect(technicians.items.map((e) => e.id)).toEqual(managers.items.filter((e) => e.entity !== 'fine').map((e) => e.id));
    expect(technicians.items.length).toBeGreaterThan(1);
    expect(technicians.totals).toEqual([managers.items.length - 1]);
    // A manager of another store does not see the record at all, as before.
    expect((await outsider('GET', `/records/${recordA}/history`)).status).toBe(404);
  });

  it('when a manager of another store asks for the record’s fines, then there are none; a technician is refused as by the ledger', async () => {
    const far = await outsider('GET', `/fines?record=${recordA}`);
    expect(far.status).toBe(200);
    expect(far.body).toMatchObject({ items: [], count: 0, total: 0, summary: [] });
    expect((await tech('GET', `/fines?record=${recordA}`)).status).toBe(403);
    // An admin sees them all.
    expect((await admin('GET', `/fines?record=${recordA}`)).body.items.length).toBeGreaterThan(0);
  });

  it('when the record is empty, too long or unknown, then it is a 400 with a pointer, or simply no fines', async () => {
    const empty = await manager('GET', '/fines?record=');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('/query/record');
    expect((await manager('GET', `/fines?record=${'x'.repeat(201)}`)).status).toBe(400);
    expect((await manager('GET', '/fines/export?format=csv&record=')).status).toBe(400);
    const unknown = await manager('GET', '/fines?record=no-such-record');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ items: [], count: 0, total: 0 });
  });
});
