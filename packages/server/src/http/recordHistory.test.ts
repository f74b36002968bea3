import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// A record's history holds its approvals' events among its own entries: who was asked, who approved,
// rejected or withdrew it, when and with what comment; paged newest first like the rest of it.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let driver: Client;
let boss: Client;
let far: Client;

interface Entry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  after: Record<string, unknown> | null;
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  const admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles, stores] of [
    ['driver', ['staff'], ['driver'], ['jiefang']],
    ['boss', ['manager'], ['generalManager', 'afterSalesManager'], ['jiefang']],
    ['far', ['staff'], ['driver'], ['elsewhere']],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName: username,
      password: `${username}-password-123`,
      roles,
      policyRoles,
      stores,
    });
    expect(created.status).toBe(201);
  }
  driver = await server.signIn('driver', 'driver-password-123');
  boss = await server.signIn('boss', 'boss-password-123');
  far = await server.signIn('far', 'far-password-123');
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

/** Every page of a record's history at `limit`, following nextCursor, with the total each page gave. */
async function history(client: Client, id: string, limit: number) {
  const items: Entry[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await client('GET', `/records/${id}/history?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...(page.body.items as Entry[]));
    totals.push(page.body.total as number);
    cursor = page.body.nextCursor as string | null;
  } while (cursor && totals.length < 50);
  return { items, totals };
}

describe('GET /records/:id/history with approvals', () => {
  it('when the general manager approves a vehicle repair above 200 yuan, then the history pages hold the ask and the decision among the edits, each once', async () => {
    const trip = await driver('POST', '/records', {
      form: 'vehicle-use',
      store: 'jiefang',
      data: { user: '王师傅', driver: 'driver', departureTime: '2025-10-09T09:30:00+08:00', purpose: '送货' },
    });
    expect(trip.status).toBe(201);
    let rev = trip.body.rev as number;
    for (const to of ['approved', 'out', 'returned']) {
      now = new Date(now.getTime() + 60_000);
      const moved = await boss('POST', `/records/${trip.body.id}/transitions`, { to });
      expect(moved.status).toBe(200);
      rev = moved.body.rev;
    }
    now = new Date(now.getTime() + 60_000);
    const repaired = await driver('PUT', `/records/${trip.body.id}`, {
      data: { ...trip.body.data, repairCost: 350, repairDescription: '换刹车片' },
      rev,
    });
    expect(repaired.status).toBe(200);
    const [task] = repaired.body.approvals as { id: string }[];
    now = new Date(now.getTime() + 60_000);
    expect((await boss('POST', `/approvals/${task!.id}/decision`, { decision: 'approve', comment: '同意' })).status).toBe(200);
    now = new Date(now.getTime() + 60_000);
    expect((await driver('POST', `/records/${trip.body.id}/transitions`, { to: 'repairApproved' })).status).toBe(200);

    const whole = await history(driver, trip.body.id, 500);
    expect(whole.items.map((e) => `${e.entity} ${e.action}`)).toEqual([
      'record status returned -> repairApproved',
      'approval approved',
      'approval asked',
      'record update',
      'record status out -> returned',
      'record status approved -> out',
      'record status requested -> approved',
      'record create',
    ]);
    expect(whole.items[1]).toMatchObject({
      actor: 'boss',
      entityId: task!.id,
      at: '2025-10-09T01:05:00.000Z',
      after: {
        state: 'approved',
        comment: '同意',
        approver: 'generalManager',
        beforeStatus: 'repairApproved',
        reason: { 'zh-CN': '维修费用超过 200 元', en: 'Repair cost above 200 yuan' },
      },
    });
    expect(whole.items[2]).toMatchObject({ actor: 'driver', at: '2025-10-09T01:04:00.000Z', after: { state: 'pending' } });

    // At two a page: the same entries, none missing or repeated, the same total on every page.
    const paged = await history(driver, trip.body.id, 2);
    expect(paged.items.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
    expect(new Set(paged.totals)).toEqual(new Set([8]));
    expect(paged.totals).toHaveLength(4);
    const ids = paged.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    // The scope holds as before: the record does not exist for staff of another store.
    expect((await far('GET', `/records/${trip.body.id}/history?limit=2`)).status).toBe(404);
  });
});
