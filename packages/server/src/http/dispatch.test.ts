import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Person and store fields, dispatch to a technician, my jobs, and people by the names people read.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
let clerk: Client;
let wang: Client;
let li: Client;
let manager: Client;

const call = (overrides: Record<string, unknown> = {}) => ({
  store: 'jiefang',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  ...overrides,
});

beforeAll(async () => {
  // The clock moves days ahead: sessions stay open meanwhile.
  server = await startTestServer({ clock: () => now, config: { sessionIdleMinutes: 60 * 24 * 30, sessionMaxHours: 24 * 30 } });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, roles, policyRoles, stores] of [
    ['clerk', '客服小陈', ['staff'], ['customerServiceClerk'], ['jiefang']],
    ['wang', '王师傅', ['staff'], ['technician'], ['jiefang']],
    ['li', '李师傅', ['staff'], ['technician'], ['jiefang']],
    ['zhao', '赵师傅', ['staff'], ['technician'], ['elsewhere']],
    ['boss', '孙经理', ['manager'], ['afterSalesManager', 'generalManager'], []],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName,
      password: `${username}-Password-8642`,
      roles,
      policyRoles,
      stores,
    });
    expect(created.status).toBe(201);
  }
  clerk = await server.signIn('clerk', 'clerk-Password-8642');
  wang = await server.signIn('wang', 'wang-Password-8642');
  li = await server.signIn('li', 'li-Password-8642');
  manager = await server.signIn('boss', 'boss-Password-8642');
}, 120_000);
afterAll(() => server.close());

describe('person and store fields', () => {
  it('when the clerk asks for technicians, then the people of her store holding the role come by display name', async () => {
    const people = await clerk('GET', '/people?role=technician');
    expect(people.status).toBe(200);
    expect(people.body.items.map((p: { username: string; displayName: string }) => [p.username, p.displayName])).toEqual([
      ['li', '李师傅'],
      ['wang', '王师傅'],
    ]);
    expect(people.body.items[0]).not.toHaveProperty('passwordHash');
    expect((await clerk('GET', '/stores')).body.items).toEqual(['jiefang']);
    expect((await admin('GET', '/stores')).body.items).toEqual(['elsewhere', 'jiefang']);
  });

  it('when a record names a technician by user name, then it is stored so, its store comes from the store field and it is assigned to him', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ technician: 'wang' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ store: 'jiefang', assignee: 'wang' });
    expect(created.body.data.technician).toBe('wang');
  });

  it('when a record names someone who is not a technician of its store, then it is a 400 at the field in both languages', async () => {
    for (const technician of ['王小二', 'zhao', 'clerk']) {
      const refused = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ technician }) });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ reason: 'people.unknown', params: { fieldsEn: expect.any(String) } });
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({ pointer: '/data/technician', code: 'person.unknown', messageZh: expect.stringContaining('技术员') }),
      ]);
    }
  });

  it('when the store field names a store of another store’s clerk, then creating it is forbidden at the field', async () => {
    const refused = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ store: 'elsewhere' }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].pointer).toBe('/data/store');
  });

  it('when no account holds the role in the store, then a typed name is kept as text', async () => {
    const trip = { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' };
    const created = await clerk('POST', '/records', { form: 'vehicle-use', data: trip });
    expect(created.status).toBe(201);
    expect(created.body.data.driver).toBe('李四');
  });
});

describe('dispatch and my jobs', () => {
  it('when the clerk dispatches a record to a technician, then he is written in, the dispatch time is stamped and it is his', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call() });
    expect(created.body.assignee).toBeNull();
    now = new Date('2025-10-09T09:30:00+08:00');
    const dispatched = await clerk('POST', `/records/${created.body.id}/dispatch`, { assignee: 'li', rev: 1 });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ assignee: 'li', rev: 2 });
    expect(dispatched.body.data).toMatchObject({ technician: 'li', dispatchTime: '2025-10-09T01:30:00.000Z' });
    const history = await clerk('GET', `/records/${created.body.id}/history`);
    expect(history.body.items[0]).toMatchObject({ actor: 'clerk' });
    const jobs = await li('GET', '/my-jobs');
    expect(jobs.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
  });

  it('when a technician dispatches, or the assignee is of another store or unknown, or the revision is stale, then it is refused', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call() });
    const id = created.body.id as string;
    expect((await wang('POST', `/records/${id}/dispatch`, { assignee: 'wang', rev: 1 })).status).toBe(403);
    const elsewhere = await clerk('POST', `/records/${id}/dispatch`, { assignee: 'zhao', rev: 1 });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details[0].pointer).toBe('/assignee');
    expect(elsewhere.body.error.details[0]).toMatchObject({ code: 'person.unknown', messageZh: '请从本店人员名单中选择' });
    expect((await clerk('POST', `/records/${id}/dispatch`, { assignee: 'li', rev: 7 })).status).toBe(409);
    expect((await clerk('POST', `/records/${id}/dispatch`, { rev: 1 })).status).toBe(400);
    const trip = await clerk('POST', '/records', {
      form: 'vehicle-use',
      data: { user: '张三', driver: '李四', departureTime: '2025-10-20T09:00:00+08:00', purpose: '送货' },
    });
    expect((await clerk('POST', `/records/${trip.body.id}/dispatch`, { assignee: 'li', rev: 1 })).status).toBe(422);
    expect((await clerk('GET', `/records/${id}`)).body.rev).toBe(1);
  });

  it('when a technician has several jobs, then my jobs lists the soonest due first and leaves out finished ones and others’ jobs', async () => {
    const later = await clerk('POST', '/records', {
      form: 'after-sales-record',
      data: call({ technician: 'wang', callTime: '2025-10-09T11:00:00+08:00' }),
    });
    const sooner = await clerk('POST', '/records', {
      form: 'after-sales-record',
      data: call({ technician: 'wang', callTime: '2025-10-09T08:00:00+08:00' }),
    });
    const others = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ technician: 'li' }) });
    const jobs = await wang('GET', '/my-jobs');
    expect(jobs.status).toBe(200);
    const ids = jobs.body.items.map((r: { id: string }) => r.id);
    expect(ids.indexOf(sooner.body.id)).toBeLessThan(ids.indexOf(later.body.id));
    expect(ids).not.toContain(others.body.id);
    const dues = jobs.body.items.map(
      (r: { deadlines: { dueAt: string | null; state: string }[] }) =>
        r.deadlines
          .filter((d) => d.state === 'open' && d.dueAt)
          .map((d) => d.dueAt!)
          .sort()[0],
    );
    expect(dues.filter(Boolean)).toEqual([...dues.filter(Boolean)].sort());
    expect(jobs.body.nextCursor).toBeNull();
    // Paged one at a time, the list comes whole and in the same order; a cursor not made here is refused.
    const paged: string[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = await wang('GET', `/my-jobs?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    }
    expect(paged).toEqual(ids);
    const forged = Buffer.from(JSON.stringify([2, '', '', ''])).toString('base64url');
    expect((await wang('GET', `/my-jobs?cursor=${forged}`)).body.error).toMatchObject({ reason: 'list.badCursor' });
    // The home counter of open deadlines counts his assigned jobs.
    const open = await wang('GET', '/records?mine=1&deadline=open&limit=1');
    expect(open.body.total).toBeGreaterThanOrEqual(3);
  });

  it('when the manager filters records by a display name, then that person’s records come', async () => {
    const byName = await manager('GET', '/records?person=李师傅&limit=500');
    const byUser = await manager('GET', '/records?person=li&limit=500');
    expect(byName.body.total).toBeGreaterThan(0);
    expect(byName.body.total).toBe(byUser.body.total);
    expect(byName.body.items.every((r: { assignee: string; createdBy: string }) => r.assignee === 'li' || r.createdBy === 'li')).toBe(true);
    expect(
      (await manager('GET', '/records?assignee=王师傅&limit=500')).body.items.every((r: { assignee: string }) => r.assignee === 'wang'),
    ).toBe(true);
  });

  it('when a dispatched job is late, then its fine names the technician by user name and the ledger shows his display name', async () => {
    // Arrival and completion are entered once they happened (times in the future are refused).
    now = new Date('2025-10-09T12:00:00+08:00');
    const done = await clerk('POST', '/records', {
      form: 'after-sales-record',
      data: call({ technician: 'wang', arrivalTime: '2025-10-09T10:00:00+08:00', completedAt: '2025-10-09T11:00:00+08:00', fee: 200 }),
    });
    expect(done.status).toBe(201);
    // The revenue is not handed to finance within 3 days: 100% of it is the technician's fine.
    now = new Date('2025-10-14T20:00:00+08:00');
    expect((await admin('POST', '/clock/tick')).status).toBe(200);
    const ledger = await manager('GET', '/fines?person=王师傅');
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.length).toBeGreaterThan(0);
    expect(ledger.body.items.every((f: { person: string; personName: string }) => f.person === 'wang' && f.personName === '王师傅')).toBe(
      true,
    );
    expect(ledger.body.summary.every((l: { personName: string }) => l.personName === '王师傅')).toBe(true);
  });
});

describe('automatic numbers', () => {
  it('when records of a numbered form are created, then the server numbers them per store and day; what the client sent is not kept', async () => {
    now = new Date('2025-10-20T10:00:00+08:00');
    const first = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ ticketNo: 'typed-by-hand' }) });
    const second = await clerk('POST', '/records', { form: 'after-sales-record', data: call() });
    expect(first.status).toBe(201);
    expect(first.body.data.ticketNo).toBe('SH-20251020-001');
    expect(second.body.data.ticketNo).toBe('SH-20251020-002');
    const elsewhere = await admin('POST', '/records', { form: 'after-sales-record', data: call({ store: 'elsewhere' }) });
    expect(elsewhere.body).toMatchObject({ store: 'elsewhere', data: { ticketNo: 'SH-20251020-001' } });
    // The next day starts again.
    now = new Date('2025-10-21T00:30:00+08:00');
    expect((await clerk('POST', '/records', { form: 'after-sales-record', data: call() })).body.data.ticketNo).toBe('SH-20251021-001');
    const read = await clerk('GET', `/records/${first.body.id}`);
    expect(read.body.data.ticketNo).toBe('SH-20251020-001');
  });

  it('when a numbered record is edited with another number, then it keeps the one it was given', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call() });
    const edited = await clerk('PUT', `/records/${created.body.id}`, { data: { ...created.body.data, ticketNo: 'X-1' }, rev: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.data.ticketNo).toBe(created.body.data.ticketNo);
  });

  it('when a technician asks for parts, then the requisition is numbered LL-date-sequence', async () => {
    const requisition = await wang('POST', '/records', {
      form: 'parts-requisition',
      data: { requester: 'wang', items: [{ name: '阀芯', qty: 1, unitPrice: 30 }], purpose: 'repair', totalAmount: 30 },
      store: 'jiefang',
    });
    expect(requisition.status).toBe(201);
    expect(requisition.body.data.requisitionNo).toMatch(/^LL-20251021-\d{3}$/);
  });
});
