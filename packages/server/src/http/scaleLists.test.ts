import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyFacts } from '../services/historyFacts.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Lists, ledgers, dashboards and history facts are the database's: complete over pages, never cut at a cap.

let server: TestServer;
let admin: Client;
const now = new Date('2025-10-09T12:00:00+08:00');

/** Straight into the store's file, many rows in one transaction (the triggers keep the search in step). */
function insert(sql: string, rows: unknown[][]): void {
  const db = new Database(join(server.dataDir, 'aftersales.sqlite'));
  const statement = db.prepare(sql);
  db.transaction(() => rows.forEach((row) => statement.run(...row)))();
  db.close();
}

const recordRow = (id: string, formId: string, data: unknown, createdAt: string, store = 'north') => [
  id,
  formId,
  1,
  '{}',
  'received',
  JSON.stringify(data),
  '{"valid":true,"errors":[],"outcome":{}}',
  store,
  null,
  'someone',
  createdAt,
  createdAt,
  1,
];

/** Every page of a list, following nextCursor. */
async function allPages(path: string, limit: number) {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  let first: { total?: number; totalCapped?: boolean; count?: number; countCapped?: boolean } | null = null;
  do {
    const page = await admin('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    first ??= page.body;
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, first: first! };
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  // 10,050 after-sales records over the last days: names, phones, ticket numbers, technicians.
  insert(
    'INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    Array.from({ length: 10_050 }, (_, i) =>
      recordRow(
        `r${String(i).padStart(6, '0')}`,
        'after-sales-record',
        {
          ticketNo: `SH-${String(i).padStart(7, '0')}`,
          customer: { name: i % 10 === 0 ? '欧阳娜娜' : '李女士', phone: `1380000${String(i).padStart(4, '0')}` },
          technician: ['王师傅', '赵师傅', '孙师傅'][i % 3],
          zone: i % 5 === 0 ? 'suburban' : 'urban',
        },
        new Date(Date.parse('2025-10-01T00:00:00.000Z') + i * 60_000).toISOString(),
        i % 2 === 0 ? 'north' : 'south',
      ),
    ),
  );
  // 20,001 complaints (past the dashboards' old 20,000-record cap).
  insert(
    'INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    Array.from({ length: 20_001 }, (_, i) =>
      recordRow(
        `c${String(i).padStart(6, '0')}`,
        'complaint-log',
        { category: i % 2 === 0 ? 'service' : 'product', severity: 'minor' },
        '2025-10-02T00:00:00.000Z',
      ),
    ),
  );
  // 2,500 fines in October (China time), one in the last hours of September UTC that is October in China.
  insert(
    'INSERT INTO fines (id, unique_key, record_id, form_id, payer_role, person, amount, reason, origin, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [
      ...Array.from({ length: 2_499 }, (_, i) => [
        `f${String(i).padStart(5, '0')}`,
        `k${i}`,
        `r${String(i).padStart(6, '0')}`,
        'after-sales-record',
        'technician',
        i % 2 === 0 ? '王师傅' : '赵师傅',
        50,
        '{"zh-CN":"超时","en":"late"}',
        'breach',
        new Date(Date.parse('2025-10-01T00:00:00.000Z') + i * 60_000).toISOString(),
      ]),
      [
        'f-edge',
        'k-edge',
        'r000001',
        'after-sales-record',
        'technician',
        '王师傅',
        20,
        '{"zh-CN":"超时","en":"late"}',
        'breach',
        '2025-09-30T17:00:00.000Z',
      ],
    ],
  );
}, 120_000);
afterAll(() => server.close());

describe('GET /records at scale', () => {
  it('when 10,050 records are paged by cursor, then every one comes once and the total says "at least 10,000"', async () => {
    const { items, first } = await allPages('/records?form=after-sales-record', 500);
    expect(items).toHaveLength(10_050);
    expect(new Set(items.map((r) => r.id)).size).toBe(10_050);
    expect(first).toMatchObject({ total: 10_000, totalCapped: true });
    const north = await allPages('/records?form=after-sales-record&store=north&from=2025-10-01&to=2025-10-02', 500);
    // 1 October 00:00 UTC (08:00 China) to the end of 2 October in China (16:00 UTC): 40 hours, one a minute, every other north.
    expect(north.items).toHaveLength(1_200);
    expect(north.first).toMatchObject({ total: 1_200, totalCapped: false });
  }, 120_000);

  it('when a clerk searches by ticket no., phone tail, name or technician, then the pages hold exactly those records', async () => {
    expect((await allPages(`/records?q=${encodeURIComponent('SH-0004321')}`, 50)).items.map((r) => r.id)).toEqual(['r004321']);
    expect((await allPages('/records?q=00004321', 50)).items.map((r) => r.id)).toEqual(['r004321']);
    const named = await allPages(`/records?q=${encodeURIComponent('欧阳娜娜 王师傅')}`, 500);
    expect(named.items).toHaveLength(Array.from({ length: 10_050 }, (_, i) => i).filter((i) => i % 10 === 0 && i % 3 === 0).length);
    expect((await allPages(`/records?q=${encodeURIComponent('欧阳')}`, 500)).items).toHaveLength(1_005);
    expect((await admin('GET', `/records?q=${'x'.repeat(201)}`)).status).toBe(400);
  }, 120_000);
});

describe('dashboards and ledger at scale', () => {
  it('when there are more than 20,000 records of a form, then the counts cover every one', async () => {
    const counts = await admin('GET', '/dashboard/counts?form=complaint-log&field=category');
    expect(counts.body.total).toBe(20_001);
    expect(counts.body.counts).toEqual({ service: { '': 10_001 }, product: { '': 10_000 } });
    expect((await admin('GET', '/dashboard/counts?form=complaint-log&field=a%5B0%5D')).status).toBe(400);
  });

  it('when the ledger of a month has 2,500 fines, then its pages hold each once and its totals are summed by person in China time', async () => {
    const { items, first } = await allPages('/fines?month=2025-10', 200);
    expect(items).toHaveLength(2_500);
    expect(new Set(items.map((f) => f.id)).size).toBe(2_500);
    const page = await admin('GET', '/fines?month=2025-10&limit=10');
    expect(first).toMatchObject({ count: 2_500, countCapped: false });
    expect(page.body.total).toBe(2_499 * 50 + 20);
    expect(page.body.summary).toEqual([
      // No user account by these names: the name people read is the name stored.
      { month: '2025-10', person: '王师傅', personName: '王师傅', payerRole: 'technician', count: 1_251, total: 1_250 * 50 + 20 },
      { month: '2025-10', person: '赵师傅', personName: '赵师傅', payerRole: 'technician', count: 1_249, total: 1_249 * 50 },
    ]);
    expect((await admin('GET', '/fines?month=2025-09&limit=10')).body).toMatchObject({ items: [], count: 0, total: 0, summary: [] });
    expect((await admin('GET', '/dashboard/fines?months=2')).body).toMatchObject({ months: ['2025-09', '2025-10'], count: [0, 2_500] });
  });
});

describe('history facts at scale', () => {
  it('when an advisor has more than 10,000 discounted quotes this week, then the fact counts every one', async () => {
    const week = (i: number) => new Date(Date.parse('2025-10-06T01:00:00.000Z') + i * 1_000).toISOString();
    insert(
      'INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      Array.from({ length: 10_010 }, (_, i) =>
        recordRow(
          `q${String(i).padStart(6, '0')}`,
          'accident-quote',
          { advisor: i < 10_005 ? '陈顾问' : '林顾问', discountRate: i % 1_000 === 0 ? 0.95 : 0.85 },
          week(i),
        ),
      ),
    );
    const { definitions, store } = server.services;
    const policy = await definitions.policyFor('accident-quote', await definitions.currentPins('accident-quote'));
    const facts = await historyFacts(policy, store, { id: 'new', data: { advisor: '陈顾问', discountRate: 0.9 } }, now);
    // 10,005 by this advisor, 11 of them (every 1,000th) not discounted enough; plus the quote itself.
    expect(facts['accident-quote.quotes']?.discountsThisWeek).toBe(10_005 - 11 + 1);
  }, 120_000);
});
