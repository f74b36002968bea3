import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Every list answers a page with a cursor to the next one and a total; filters are the database's.

let server: TestServer;
let admin: Client;
let service: Client;
let clerk: Client;

/** Straight into the store's file, many rows in one transaction. */
function insert(sql: string, rows: unknown[][]): void {
  const db = new Database(join(server.dataDir, 'aftersales.sqlite'));
  const statement = db.prepare(sql);
  db.transaction(() => rows.forEach((row) => statement.run(...row)))();
  db.close();
}

/** Every page of a list, following nextCursor; fails if a page repeats a row. */
async function allPages(client: Client, path: string, limit: number) {
  const items: { id?: string; recordId?: string; key?: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total = -1;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await client('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.body.items);
    total = page.body.total;
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages, total };
}

const record = (id: string, store: string, createdAt: string) => [
  id,
  'after-sales-record',
  1,
  '{}',
  'received',
  '{"ticketNo":"S"}',
  '{"valid":true,"errors":[],"outcome":{}}',
  store,
  null,
  'someone',
  createdAt,
  createdAt,
  1,
];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles, stores] of [
    ['svc', ['manager'], ['serviceDepartment'], ['north']],
    ['clerk', ['staff'], ['customerServiceClerk'], ['north']],
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
  service = await server.signIn('svc', 'svc-password-123');
  clerk = await server.signIn('clerk', 'clerk-password-123');
  insert(
    'INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    Array.from({ length: 300 }, (_, i) =>
      record(`rec-${String(i).padStart(4, '0')}`, i % 2 === 0 ? 'north' : 'south', `2025-10-0${1 + (i % 9)}T00:00:00.000Z`),
    ),
  );
});

afterAll(() => server.close());

describe('GET /notifications', () => {
  it('when a role has older notices behind many newer ones for other roles, then its holder pages through all of them', async () => {
    // 2,000 newer notices for another role, then 120 for serviceDepartment (60 on north records, 60 on south ones).
    insert('INSERT INTO notifications VALUES (?, ?, ?, ?, ?, ?, ?)', [
      ...Array.from({ length: 2000 }, (_, i) => [
        `o${i}`,
        `o${i}`,
        `2025-10-09T${String(10 + (i % 10)).padStart(2, '0')}:00:00.000Z`,
        'technician',
        null,
        null,
        '{"zh-CN":"x","en":"x"}',
      ]),
      ...Array.from({ length: 120 }, (_, i) => [
        `s${i}`,
        `s${i}`,
        '2025-10-01T08:00:00.000Z',
        'serviceDepartment',
        null,
        `rec-${String(i).padStart(4, '0')}`,
        '{"zh-CN":"x","en":"x"}',
      ]),
    ]);
    const { items, total, pages } = await allPages(service, '/notifications', 25);
    // Only the north records are in this manager's stores.
    expect(total).toBe(60);
    expect(items).toHaveLength(60);
    expect(new Set(items.map((n) => n.id)).size).toBe(60);
    expect(pages).toBe(3);
    expect(items.every((n) => (n as { role: string }).role === 'serviceDepartment')).toBe(true);
    // The admin sees every notice, page after page.
    const all = await allPages(admin, '/notifications', 500);
    expect(all.total).toBe(2120);
    expect(new Set(all.items.map((n) => n.id)).size).toBe(2120);
  });
});

describe('GET /approvals', () => {
  it('when there are more than 1,000 pending approvals, then the admin gets the total and pages through every one', async () => {
    insert(
      'INSERT INTO approvals (id, record_id, form_id, approver, before_status, reason, rule, state, decided_by, decided_at, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      Array.from({ length: 1200 }, (_, i) => [
        `a${String(i).padStart(5, '0')}`,
        `rec-${String(i % 300).padStart(4, '0')}`,
        'after-sales-record',
        i % 3 === 0 ? 'serviceDepartment' : 'generalManager',
        'closed',
        '{"zh-CN":"审批","en":"Approve"}',
        'A1',
        'pending',
        null,
        null,
        null,
        `2025-10-0${1 + (i % 9)}T00:00:00.000Z`,
      ]),
    );
    // An approval carries its record's store (a record write sets it; migration 3 filled the rows before it).
    insert('UPDATE approvals SET store = (SELECT r.store FROM records r WHERE r.id = approvals.record_id)', [[]]);
    const first = await admin('GET', '/approvals?state=pending');
    expect(first.body.total).toBe(1200);
    expect(first.body.items).toHaveLength(100);
    const { items, total } = await allPages(admin, '/approvals?state=pending', 500);
    expect(total).toBe(1200);
    expect(new Set(items.map((a) => a.id)).size).toBe(1200);
    // The serviceDepartment manager decides a third of them, and sees those of the north store's records only.
    const mine = await allPages(service, '/approvals?state=pending', 150);
    expect(mine.total).toBe(200);
    expect(new Set(mine.items.map((a) => a.id)).size).toBe(200);
  });
});

describe('GET /deadlines', () => {
  it('when deadlines are many, some without a due time, then the board pages through each once, soonest due first', async () => {
    insert(
      "INSERT INTO deadlines (record_id, form_id, key, due_at, state, remind_at, reminded, deadline) VALUES (?, 'after-sales-record', ?, ?, ?, NULL, 0, '{}')",
      Array.from({ length: 300 }, (_, i) => [
        `rec-${String(i).padStart(4, '0')}`,
        i % 2 === 0 ? 'arrive' : 'finish',
        i % 7 === 0 ? null : `2025-10-${String(1 + (i % 20)).padStart(2, '0')}T00:00:00.000Z`,
        i % 3 === 0 ? 'breached' : 'open',
      ]),
    );
    const { items, total } = await allPages(admin, '/deadlines', 40);
    expect(total).toBe(300);
    expect(new Set(items.map((d) => `${d.recordId}|${d.key}`)).size).toBe(300);
    const due = items.map((d) => (d as { dueAt: string | null }).dueAt ?? '');
    expect(due).toEqual([...due].sort());
    const breached = await allPages(admin, '/deadlines?state=breached', 33);
    expect(breached.total).toBe(100);
    expect(breached.items).toHaveLength(100);
    // A manager of the north store sees only the north records' deadlines (every other row), counted by the database.
    const north = await allPages(service, '/deadlines', 64);
    expect(north.total).toBe(150);
    expect(north.items).toHaveLength(150);
    expect(north.items.every((d) => Number(d.recordId!.slice(4)) % 2 === 0)).toBe(true);
    expect((await clerk('GET', '/deadlines')).status).toBe(403);
  });

  it('when the cursor was not made by the server, then the answer is 400 with a pointer to it', async () => {
    for (const cursor of ['not*base64', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const answer = await admin('GET', `/deadlines?cursor=${encodeURIComponent(cursor)}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details[0].pointer).toBe('/query/cursor');
    }
    expect((await admin('GET', `/approvals?cursor=${Buffer.from('["x"]').toString('base64url')}`)).status).toBe(400);
    expect((await admin('GET', '/notifications?cursor=%00')).status).toBe(400);
  });
});

describe('GET /records', () => {
  it('when records are paged by cursor, then the pages, newest first, hold every record once and the last has no cursor', async () => {
    const { items, total } = await allPages(admin, '/records?form=after-sales-record', 70);
    expect(total).toBe(300);
    expect(new Set(items.map((r) => r.id)).size).toBe(300);
    const created = items.map((r) => (r as { createdAt: string }).createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect((await admin('GET', '/records?form=after-sales-record&limit=50')).body.totalCapped).toBe(false);
  });
});

describe('GET /records/:id/history', () => {
  it('when a record has more audit entries than a page, then the pages hold each entry once, newest first, with the total', async () => {
    insert(
      'INSERT INTO audit (at, actor, entity, entity_id, action, before, after, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      Array.from({ length: 230 }, (_, i) => [
        `2025-10-09T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
        'clerk',
        'record',
        'rec-0000',
        `edit ${i}`,
        'null',
        'null',
        'rec-0000',
      ]),
    );
    const { items, pages, total } = await allPages(admin, '/records/rec-0000/history', 100);
    expect(items).toHaveLength(230);
    expect(new Set(items.map((a) => a.id)).size).toBe(230);
    // Newest first, with the record's total on every page (the history card shows it).
    const ids = items.map((a) => Number(a.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect({ pages, total }).toEqual({ pages: 3, total: 230 });
    expect((await admin('GET', `/records/rec-0000/history?cursor=${Buffer.from('["x"]').toString('base64url')}`)).status).toBe(400);
  });
});
