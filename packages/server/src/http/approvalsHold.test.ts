import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Approvals hold: an edit cannot make an approval the policy asked for vanish; a manager withdraws
// one with a reason once the policy no longer asks; the approver sees what changed since; a record
// in a final state is read-only; no one approves their own record.

const now = new Date('2025-10-13T10:00:00+08:00');
let server: TestServer;
let clerk: Client;
let deputy: Client;
let boss: Client;

const complaint = (severity: 'serious' | 'general') => ({
  customer: '张女士',
  category: 'quality',
  severity,
  description: '柜门歪了',
  receivedAt: '2025-10-13T10:00:00+08:00',
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  const admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles] of [
    ['clerk', ['staff'], ['customerServiceClerk']],
    ['deputy', ['manager'], ['deputyGeneralManager']],
    ['boss', ['manager'], ['afterSalesManager']],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName: username,
      password: `${username}-password-123`,
      roles,
      policyRoles,
      stores: ['jiefang'],
    });
    expect(created.status).toBe(201);
  }
  clerk = await server.signIn('clerk', 'clerk-password-123');
  deputy = await server.signIn('deputy', 'deputy-password-123');
  boss = await server.signIn('boss', 'boss-password-123');
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

async function seriousComplaintInHandling() {
  const created = await clerk('POST', '/records', { form: 'complaint-log', data: complaint('serious'), store: 'jiefang' });
  expect(created.status).toBe(201);
  const handling = await clerk('POST', `/records/${created.body.id}/transitions`, { to: 'handling' });
  expect(handling.status).toBe(200);
  return handling.body as { id: string; rev: number };
}

describe('approvals that hold', () => {
  it('when the clerk edits a serious complaint to general, then the deputy GM approval stays pending and still guards 已解决', async () => {
    const record = await seriousComplaintInHandling();
    const edited = await clerk('PUT', `/records/${record.id}`, { data: complaint('general'), rev: record.rev });
    expect(edited.status).toBe(200);
    expect(edited.body.approvals).toMatchObject([
      { approver: 'deputyGeneralManager', before: 'resolved', state: 'pending', stillAsked: false },
    ]);
    const resolved = await clerk('POST', `/records/${record.id}/transitions`, { to: 'resolved' });
    expect(resolved.status).toBe(409);
    expect(resolved.body.error.code).toBe('approval_required');
    expect((await server.services.store.listApprovals({ recordId: record.id })).map((a) => a.state)).toEqual(['pending']);
  });

  it('when the approver looks at the approval, then the inbox and the record name the changed field with its values before and after in words', async () => {
    const record = await seriousComplaintInHandling();
    await clerk('PUT', `/records/${record.id}`, { data: complaint('general'), rev: record.rev });
    const inbox = await deputy('GET', '/approvals');
    const task = inbox.body.items.find((a: { recordId: string }) => a.recordId === record.id);
    expect(task).toMatchObject({
      changedSinceAsked: true,
      changes: [
        {
          pointer: '/severity',
          label: { 'zh-CN': '严重程度', en: 'Severity' },
          before: { 'zh-CN': '严重', en: 'Serious' },
          after: { 'zh-CN': '一般', en: 'General' },
        },
      ],
    });
    expect(task).not.toHaveProperty('requestedData');
    const page = await clerk('GET', `/records/${record.id}`);
    expect(page.body.approvals[0].changes.map((c: { pointer: string }) => c.pointer)).toEqual(['/severity']);
  });

  it('when a numbered record is edited after its approval was asked, then the number the server gave is not named as a change', async () => {
    const requisition = { requester: '王师傅', items: [{ name: '进水阀', qty: 2, unitPrice: 85 }], purpose: 'repair', totalAmount: 170 };
    const created = await clerk('POST', '/records', { form: 'parts-requisition', data: requisition, store: 'jiefang' });
    expect(created.status).toBe(201);
    expect(created.body.data.requisitionNo).toMatch(/^LL-\d{8}-001$/);
    const edited = await clerk('PUT', `/records/${created.body.id}`, {
      data: { ...created.body.data, items: [{ name: '进水阀', qty: 3, unitPrice: 85 }], totalAmount: 255 },
      rev: created.body.rev,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.approvals.length).toBeGreaterThan(0);
    for (const approval of edited.body.approvals)
      expect(approval.changes.map((c: { pointer: string }) => c.pointer)).toEqual(['/items', '/totalAmount']);
  });

  it('when a manager withdraws the approval with a reason, then it is audited and the record may move on; a closed record is read-only', async () => {
    const record = await seriousComplaintInHandling();
    const edited = await clerk('PUT', `/records/${record.id}`, { data: complaint('general'), rev: record.rev });
    const [task] = edited.body.approvals as { id: string }[];
    expect((await boss('POST', `/approvals/${task!.id}/withdrawal`, { reason: '  ' })).status).toBe(400);
    expect((await clerk('POST', `/approvals/${task!.id}/withdrawal`, { reason: '录入错误' })).status).toBe(403);
    const withdrawn = await boss('POST', `/approvals/${task!.id}/withdrawal`, { reason: '严重程度录入错误，实为一般投诉' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', decidedBy: 'boss', comment: '严重程度录入错误，实为一般投诉' });
    expect(await server.services.store.listAudit({ entity: 'approval', entityId: task!.id, limit: 5 })).toMatchObject([
      { actor: 'boss', action: 'withdrawn', after: { state: 'withdrawn', comment: '严重程度录入错误，实为一般投诉' } },
      { actor: 'clerk', action: 'asked', after: { state: 'pending' } },
    ]);
    expect((await boss('POST', `/approvals/${task!.id}/withdrawal`, { reason: '再次' })).status).toBe(409);
    expect((await clerk('POST', `/records/${record.id}/transitions`, { to: 'resolved' })).status).toBe(200);
    const closed = await clerk('POST', `/records/${record.id}/transitions`, { to: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.final).toBe(true);

    const reopenedBySerious = await clerk('PUT', `/records/${record.id}`, { data: complaint('serious'), rev: closed.body.rev });
    expect(reopenedBySerious.status).toBe(409);
    expect(reopenedBySerious.body.error).toMatchObject({
      message: 'the record is Closed: it can no longer be edited',
      messageZh: '记录已处于“已结案”，不能再修改',
    });
    expect((await server.services.store.getRecord(record.id))!.data.severity).toBe('general');
    expect((await server.services.store.listApprovals({ recordId: record.id })).map((a) => a.state)).toEqual(['withdrawn']);
  });

  it('when the policy still asks for the approval, then a manager cannot withdraw it', async () => {
    const record = await seriousComplaintInHandling();
    const page = await clerk('GET', `/records/${record.id}`);
    const refused = await boss('POST', `/approvals/${page.body.approvals[0].id as string}/withdrawal`, { reason: '不想等了' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.messageZh).toBe('按当前政策该记录仍需此审批，只能由审批人处理，不能撤回');
  });

  it('when the approver created the record, then the approver may not decide it; another holder of the role may', async () => {
    const created = await deputy('POST', '/records', { form: 'complaint-log', data: complaint('serious'), store: 'jiefang' });
    const [task] = created.body.approvals as { id: string }[];
    const self = await deputy('POST', `/approvals/${task!.id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body.error.messageZh).toBe('不能审批自己提交的记录，须由他人审批');
    expect((await server.services.store.getApproval(task!.id))!.state).toBe('pending');
    const admin = await server.signIn('admin', server.adminPassword);
    expect((await admin('POST', `/approvals/${task!.id}/decision`, { decision: 'approve' })).status).toBe(200);
  });
});
