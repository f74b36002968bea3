import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Sign-offs are approvals (A3): a parts requisition reaches 已审批 only with the supervisor's
// approval and 已发放 only with the parts-group leader's, and nobody signs off their own.

let server: TestServer;
let technician: Client;
let supervisor: Client;

const requisition = {
  requisitionNo: 'LL-7',
  requester: 'wang',
  items: [{ name: '进水阀', qty: 2, unitPrice: 85 }],
  purpose: 'repair',
  totalAmount: 170,
};

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date('2025-10-20T10:00:00+08:00') });
  const admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles] of [
    // A technician who also leads the parts group: he may sign others' requisitions, not his own.
    ['wang', ['manager'], ['technician', 'partsGroupLeader']],
    ['zhao', ['manager'], ['afterSalesSupervisor', 'partsGroupLeader']],
  ] as const)
    await admin('POST', '/users', {
      username,
      displayName: username,
      password: `${username}-password-123`,
      roles,
      policyRoles,
      stores: ['jiefang'],
    });
  technician = await server.signIn('wang', 'wang-password-123');
  supervisor = await server.signIn('zhao', 'zhao-password-123');
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

describe('sign-offs on a parts requisition', () => {
  it('when the technician moves his requisition to 已审批 and 已发放, then each waits for its approval, which he may not give himself', async () => {
    const created = await technician('POST', '/records', { form: 'parts-requisition', data: requisition, store: 'jiefang' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await technician('POST', `/records/${id}/transitions`, { to: 'submitted' })).status).toBe(200);
    const early = await technician('POST', `/records/${id}/transitions`, { to: 'approved' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('approval_required');

    const tasks = (await server.services.store.listApprovals({ recordId: id })).sort((a, b) => a.before.localeCompare(b.before));
    expect(tasks.map((a) => [a.approver, a.before, a.state])).toEqual([
      ['afterSalesSupervisor', 'approved', 'pending'],
      ['partsGroupLeader', 'issued', 'pending'],
    ]);
    const own = await technician('POST', `/approvals/${tasks[1]!.id}/decision`, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.messageZh).toBe('不能审批自己提交的记录，须由他人审批');

    expect((await supervisor('POST', `/approvals/${tasks[0]!.id}/decision`, { decision: 'approve', comment: '同意' })).status).toBe(200);
    expect((await technician('POST', `/records/${id}/transitions`, { to: 'approved' })).status).toBe(200);
    expect((await technician('POST', `/records/${id}/transitions`, { to: 'issued' })).status).toBe(409);
    expect((await supervisor('POST', `/approvals/${tasks[1]!.id}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await technician('POST', `/records/${id}/transitions`, { to: 'issued' })).status).toBe(200);
  });
});
