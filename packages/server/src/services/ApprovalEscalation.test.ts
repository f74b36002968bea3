import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig.js';
import { ApprovalEscalation } from './ApprovalEscalation.js';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// An approval waiting on a policy role nobody holds in the record's store is flagged to the
// managers at once and escalates to the general manager after the configured time (24 hours).

let now = new Date('2025-10-13T10:00:00+08:00');
let server: TestServer;
let clerk: Client;
let boss: Client;
let gm: Client;

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  const admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles, stores] of [
    ['clerk', ['staff'], ['customerServiceClerk'], ['jiefang']],
    ['boss', ['manager'], ['afterSalesManager'], ['jiefang']],
    ['gm', ['manager'], ['generalManager'], ['jiefang']],
    // The only deputy GM works for another store.
    ['deputy', ['manager'], ['deputyGeneralManager'], ['elsewhere']],
  ] as const)
    await admin('POST', '/users', { username, displayName: username, password: `${username}-password-123`, roles, policyRoles, stores });
  clerk = await server.signIn('clerk', 'clerk-password-123');
  boss = await server.signIn('boss', 'boss-password-123');
  gm = await server.signIn('gm', 'gm-password-123');
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

const complaint = {
  customer: '张女士',
  category: 'quality',
  severity: 'serious',
  description: '柜门歪了',
  receivedAt: '2025-10-13T10:00:00+08:00',
};

describe('ApprovalEscalation', () => {
  it('when nobody in the store holds the approver role, then managers are told once, and after 24 hours the general manager may decide it', async () => {
    const created = await clerk('POST', '/records', { form: 'complaint-log', data: complaint, store: 'jiefang' });
    const [task] = created.body.approvals as { id: string }[];
    const elsewhere = await server.signIn('deputy', 'deputy-password-123');
    const other = await elsewhere('POST', '/records', { form: 'complaint-log', data: complaint, store: 'elsewhere' });
    expect(other.status).toBe(201);

    expect(await server.services.escalation.tick()).toEqual({ flagged: 1, escalated: 0 });
    expect(await server.services.escalation.tick()).toEqual({ flagged: 0, escalated: 0 });
    const notices = await boss('GET', '/notifications');
    expect(notices.body.items.filter((n: { recordId: string }) => n.recordId === created.body.id)).toMatchObject([
      { role: 'afterSalesManager', message: { 'zh-CN': '门店“jiefang”无人担任“副总经理”，审批无人处理：严重投诉须副总经理审批处理结果' } },
    ]);
    expect((await gm('POST', `/approvals/${task!.id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await gm('GET', '/approvals')).body.items).toEqual([]);

    now = new Date('2025-10-14T10:00:00+08:00');
    expect(await server.services.escalation.tick()).toEqual({ flagged: 0, escalated: 1 });
    gm = await server.signIn('gm', 'gm-password-123'); // a day later: a new session
    const gmNotices = await gm('GET', '/notifications');
    expect(gmNotices.body.items.map((n: { message: { en: string } }) => n.message.en)).toEqual([
      "Approval passed to the General manager (nobody is Deputy general manager): A serious complaint's outcome needs the deputy general manager",
    ]);
    expect((await gm('GET', '/approvals')).body.items.map((a: { id: string }) => a.id)).toEqual([task!.id]);
    expect((await gm('POST', `/approvals/${task!.id}/decision`, { decision: 'approve', comment: '代副总审批' })).status).toBe(200);
    // The record's history tells the story: asked, passed on by the clock, approved by the general manager.
    const history = await (await server.signIn('clerk', 'clerk-password-123'))('GET', `/records/${created.body.id}/history`);
    expect(history.body.items.filter((e: { entity: string }) => e.entity === 'approval')).toMatchObject([
      { action: 'approved', actor: 'gm', after: { comment: '代副总审批' } },
      {
        action: 'escalated',
        actor: 'clock',
        at: '2025-10-14T02:00:00.000Z',
        after: { escalatedTo: 'generalManager', approver: 'deputyGeneralManager' },
      },
      { action: 'asked', actor: 'clerk', at: '2025-10-13T02:00:00.000Z' },
    ]);
  });

  it('when two instances tick past the wait, then each overdue approval nobody can decide escalates once, and held or young ones are left', async () => {
    const { store, definitions } = server.services;
    const taskOf = async (client: Client, where: string) =>
      ((await client('POST', '/records', { form: 'complaint-log', data: complaint, store: where })).body.approvals as { id: string }[])[0]!
        .id;
    const today = await server.signIn('clerk', 'clerk-password-123');
    const overdue = [await taskOf(today, 'jiefang'), await taskOf(today, 'jiefang'), await taskOf(today, 'jiefang')];
    const held = await taskOf(await server.signIn('deputy', 'deputy-password-123'), 'elsewhere');
    now = new Date(now.getTime() + 25 * 3_600_000);
    const young = await taskOf(await server.signIn('clerk', 'clerk-password-123'), 'jiefang');

    const other = new ApprovalEscalation(store, definitions, () => now, server.services.escalation.options);
    const [a, b] = await Promise.all([server.services.escalation.tick(), other.tick()]);
    expect(a.escalated + b.escalated).toBe(3);
    for (const id of overdue) expect((await store.getApproval(id))?.escalatedAt).toBe(now.toISOString());
    for (const id of [held, young]) expect((await store.getApproval(id))?.escalatedAt).toBeUndefined();
    expect(await other.tick()).toEqual({ flagged: 0, escalated: 0 });
    const passed = (await store.listNotifications({ roles: ['generalManager'], limit: 100 })).filter((n) =>
      n.uniqueKey.startsWith('approval-escalated|'),
    );
    expect(passed.map((n) => n.uniqueKey).sort()).toEqual(
      [...overdue, (await store.listApprovals({ state: 'approved' }))[0]!.id].map((id) => `approval-escalated|${id}`).sort(),
    );
  });

  it('when the escalation settings are bad, then start-up names the variable', () => {
    expect(parseConfig({}).escalation).toEqual({ flagRole: 'afterSalesManager', escalateTo: 'generalManager', afterMs: 86_400_000 });
    expect(parseConfig({ APPROVAL_ESCALATE_AFTER_HOURS: '0.5' }).escalation.afterMs).toBe(1_800_000);
    expect(() => parseConfig({ APPROVAL_ESCALATE_AFTER_HOURS: '0' })).toThrow(/APPROVAL_ESCALATE_AFTER_HOURS/);
    expect(() => parseConfig({ APPROVAL_ESCALATE_TO: 'General Manager' })).toThrow(/APPROVAL_ESCALATE_TO/);
  });
});
