import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Linked records: a return visit names its ticket (picked by title), reads the ticket in its rules,
// is listed on the ticket's page, and, done, moves the ticket in the same write.

const now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
let clerk: Client;
let other: Client;

const call = (overrides: Record<string, unknown> = {}) => ({
  store: 'jiefang',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T08:30:00+08:00',
  technician: 'wang',
  ...overrides,
});

const visit = (ticketRef: string, satisfied: boolean) => ({
  ticketRef,
  visitTime: '2025-10-09T10:00:00+08:00',
  method: 'phone',
  satisfied,
});

/** A ticket of the jiefang store moved to completed (by the admin: no field locks in the way). */
async function completedTicket(overrides: Record<string, unknown> = {}): Promise<{ id: string; ticketNo: string }> {
  const created = await admin('POST', '/records', {
    form: 'after-sales-record',
    data: call({
      dispatchTime: '2025-10-09T08:40:00+08:00',
      arrivalTime: '2025-10-09T08:50:00+08:00',
      resolution: 'fixedOnSite',
      completedAt: '2025-10-09T08:55:00+08:00',
      ...overrides,
    }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const to of ['dispatched', 'onSite', 'completed']) {
    const moved = await admin('POST', `/records/${created.body.id}/transitions`, { to });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }
  return { id: created.body.id, ticketNo: created.body.data.ticketNo };
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, roles, policyRoles, stores] of [
    ['clerk', '客服小陈', ['staff'], ['customerServiceClerk'], ['jiefang']],
    ['wang', '王师傅', ['staff'], ['technician'], ['jiefang']],
    ['other', '客服小周', ['staff'], ['customerServiceClerk'], ['elsewhere']],
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
  other = await server.signIn('other', 'other-Password-8642');
}, 120_000);
afterAll(() => server.close());

describe('linked records', () => {
  it('when the clerk searches the store’s tickets by customer, then she finds the ticket by its title, and one of another store is not there', async () => {
    const ticket = await completedTicket({ customer: { name: '周先生', phone: '13900139000' } });
    const found = await clerk('GET', '/records?form=after-sales-record&q=周先生');
    expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([ticket.id]);
    expect((await other('GET', '/records?form=after-sales-record&q=周先生')).body.items).toEqual([]);
  });

  it('when a visit links to a ticket, then each page lists the other by its title and status, never by id alone', async () => {
    const ticket = await completedTicket();
    const created = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(ticket.id, true) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const fromVisit = await clerk('GET', `/records/${created.body.id}/links`);
    expect(fromVisit.status).toBe(200);
    expect(fromVisit.body.links).toEqual([
      {
        field: 'ticketRef',
        label: { 'zh-CN': '服务单', en: 'Service ticket' },
        record: expect.objectContaining({
          id: ticket.id,
          title: { 'zh-CN': expect.stringContaining(ticket.ticketNo), en: expect.stringContaining(ticket.ticketNo) },
          statusLabel: { 'zh-CN': '已完工', en: 'Completed' },
        }),
      },
    ]);
    const fromTicket = await clerk('GET', `/records/${ticket.id}/links`);
    expect(fromTicket.body.linkedFrom).toEqual([
      expect.objectContaining({ field: 'ticketRef', record: expect.objectContaining({ id: created.body.id, formId: 'return-visit' }) }),
    ]);
    expect(fromTicket.body.linkedFrom[0].record.title['zh-CN']).toContain('回访记录表');
    expect(fromTicket.body.linkedFrom[0].record.title['zh-CN']).not.toContain(ticket.id);
    // Another store's clerk cannot read the links of a record she cannot see.
    expect((await other('GET', `/records/${ticket.id}/links`)).status).toBe(404);
  });

  it('when a visit names no record, a record of another form or of another store, then it is a 400 at the field in both languages', async () => {
    const otherStore = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: call({ store: 'elsewhere', technician: undefined }),
    });
    expect(otherStore.status).toBe(201);
    const complaint = (await clerk('GET', '/records?form=return-visit')).body.items[0]?.id as string;
    for (const ticketRef of ['no-such-record', otherStore.body.id, complaint]) {
      const refused = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(ticketRef, true) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.reason).toBe('link.unknownRecord');
      expect(refused.body.error.messageZh).toContain('服务单');
      expect(refused.body.error.details[0].pointer).toBe('/data/ticketRef');
    }
  });

  it('when the visit is done with the customer unsatisfied, then the ticket goes back to dispatch in the same write, audited as moved by the link', async () => {
    const ticket = await completedTicket();
    const created = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(ticket.id, false) });
    expect((await admin('GET', `/records/${ticket.id}`)).body.status).toBe('completed');
    const done = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'done' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await admin('GET', `/records/${ticket.id}`);
    expect(after.body.status).toBe('dispatched');
    const history = await admin('GET', `/records/${ticket.id}/history`);
    expect(history.body.items[0]).toMatchObject({ actor: 'clerk', action: 'status completed -> dispatched by link' });
  });

  it('when the visit is done with the customer satisfied, then the ticket is marked revisited', async () => {
    const ticket = await completedTicket();
    const created = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(ticket.id, true) });
    expect((await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'done' })).status).toBe(200);
    expect((await admin('GET', `/records/${ticket.id}`)).body.status).toBe('revisited');
  });

  it('when the ticket is not completed, then the rules reading its status refuse to finish the visit, and its ticket stays put', async () => {
    const open = await admin('POST', '/records', { form: 'after-sales-record', data: call() });
    const created = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(open.body.id, false) });
    expect(created.status).toBe(201);
    const refused = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'done' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.messageZh).toContain('服务单尚未完工');
    expect((await admin('GET', `/records/${open.body.id}`)).body.status).toBe('received');
  });

  it('when a contract customer is unsatisfied, then the rule reading the ticket’s contract tells the after-sales manager', async () => {
    const ticket = await completedTicket({ hasMaintenanceContract: true });
    const created = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(ticket.id, false) });
    expect(created.body.evaluation.outcome.notices.map((n: { to: { role: string } }) => n.to.role)).toContain('afterSalesManager');
    const plain = await completedTicket();
    const without = await clerk('POST', '/records', { form: 'return-visit', store: 'jiefang', data: visit(plain.id, false) });
    expect(without.body.evaluation.outcome.notices.map((n: { to: { role: string } }) => n.to.role)).not.toContain('afterSalesManager');
  });
});
