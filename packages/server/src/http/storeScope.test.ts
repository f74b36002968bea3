import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Store isolation (issue 14, findings 4, 5 and 7): approvals, record creation, uploaded files, the
// impact of a dry-run push, upload quota, unattached uploads and the audit of uploads and keys.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
let staffA: Client;
let staffB: Client;
let managerA: Client;
let writeKey: Client;
let readKeyId: string;
let readKeyAuth: string;

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
const trip = (repairCost: number) => ({
  user: '张三',
  driver: '李四',
  departureTime: '2025-10-09T08:00:00+08:00',
  purpose: '送货',
  repairCost,
});
const call = (photos: string[]) => ({
  ticketNo: 'SH-9',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: '王师傅',
  photos,
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now, config: { uploadQuota: { filesPerDay: 6, bytesPerDay: 4500 } } });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles, stores] of [
    ['staffa', ['staff'], ['customerServiceClerk'], ['A']],
    ['staffb', ['staff'], ['customerServiceClerk'], ['B']],
    ['managera', ['manager'], ['generalManager'], ['A']],
  ] as const)
    expect(
      (await admin('POST', '/users', { username, displayName: username, password: `${username}-password-123`, roles, policyRoles, stores }))
        .status,
    ).toBe(201);
  staffA = await server.signIn('staffa', 'staffa-password-123');
  staffB = await server.signIn('staffb', 'staffb-password-123');
  managerA = await server.signIn('managera', 'managera-password-123');
  const read = (await admin('POST', '/api-keys', { name: 'reader', scopes: ['records:read'] })).body;
  readKeyId = read.key.id;
  readKeyAuth = `Bearer ${read.secret as string}`;
  const write = (await admin('POST', '/api-keys', { name: 'pusher', scopes: ['definitions:write'] })).body;
  writeKey = client(server.url, { Authorization: `Bearer ${write.secret as string}` });
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

/** Raw bytes with the caller's headers (the test client sends strings). */
function uploader(headers: Record<string, string>) {
  return async (bytes: Buffer = JPEG) => {
    const response = await fetch(`${server.url}/api/v1/files`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'image/jpeg', 'X-Requested-With': 'aftersales' },
      body: bytes,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}

/** The status of reading a file (its bytes are not JSON). */
async function fileStatus(headers: Record<string, string>, url: string): Promise<number> {
  return (await fetch(`${server.url}/api/v1${url}`, { headers })).status;
}

async function cookieOf(username: string): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: username === 'admin' ? server.adminPassword : `${username}-password-123` }),
  });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('approvals across stores', () => {
  it("when a manager of store A holds the approver role, then store B's approvals are neither in their inbox nor theirs to decide", async () => {
    const inB = await staffB('POST', '/records', { form: 'vehicle-use', store: 'B', data: trip(350) });
    const inA = await staffA('POST', '/records', { form: 'vehicle-use', store: 'A', data: trip(360) });
    expect([inB.status, inA.status]).toEqual([201, 201]);
    const inbox = (await managerA('GET', '/approvals')).body.items as { id: string; recordId: string; record: { data: unknown } }[];
    expect(inbox.map((a) => a.recordId)).toContain(inA.body.id);
    expect(inbox.map((a) => a.recordId)).not.toContain(inB.body.id);
    expect(JSON.stringify(inbox)).not.toContain('"store":"B"');
    const taskB = ((await admin('GET', '/approvals')).body.items as { id: string; recordId: string }[]).find(
      (a) => a.recordId === inB.body.id,
    )!;
    expect(taskB).toBeDefined();
    expect((await managerA('POST', `/approvals/${taskB.id}/decision`, { decision: 'approve', comment: 'x' })).status).toBe(404);
    expect((await admin('GET', '/approvals')).body.items.some((a: { id: string }) => a.id === taskB.id)).toBe(true);
    // Their own store's approval they still decide.
    const taskA = inbox.find((a) => a.recordId === inA.body.id)!;
    expect((await managerA('POST', `/approvals/${taskA.id}/decision`, { decision: 'approve', comment: '同意' })).status).toBe(200);
  });
});

describe('record creation across stores', () => {
  it('when a staff member names a store they do not belong to, then the record is refused with 403 and a pointer; their own store is fine', async () => {
    const before = (await admin('GET', '/records?limit=1')).body.total as number;
    const refused = await staffA('POST', '/records', { form: 'vehicle-use', store: 'B', data: trip(10) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].pointer).toBe('/store');
    expect(refused.body.error.messageZh).toContain('门店');
    expect((await admin('GET', '/records?limit=1')).body.total).toBe(before);
    expect((await staffA('POST', '/records', { form: 'vehicle-use', store: 'A', data: trip(10) })).status).toBe(201);
    expect((await admin('POST', '/records', { form: 'vehicle-use', store: 'B', data: trip(10) })).status).toBe(201);
  });
});

describe('uploaded files across stores', () => {
  it("when store B's staff attach a photo, then store A's staff and manager get 404, a records:read key reads it only once a record names it", async () => {
    const up = await uploader({ Cookie: await cookieOf('staffb') })();
    expect(up.status).toBe(201);
    const url = `/files/${up.body.id as string}`;
    const as = {
      staffB: { Cookie: await cookieOf('staffb') },
      admin: { Cookie: await cookieOf('admin') },
      staffA: { Cookie: await cookieOf('staffa') },
      managerA: { Cookie: await cookieOf('managera') },
      readKey: { Authorization: readKeyAuth },
    };
    // Not attached yet: the uploader's (and admins') only.
    expect(await fileStatus(as.staffB, url)).toBe(200);
    expect(await fileStatus(as.admin, url)).toBe(200);
    for (const other of [as.staffA, as.managerA, as.readKey]) expect(await fileStatus(other, url)).toBe(404);
    const record = await staffB('POST', '/records', { form: 'after-sales-record', store: 'B', data: call([up.body.url]) });
    expect(record.status).toBe(201);
    for (const other of [as.staffA, as.managerA]) expect(await fileStatus(other, url)).toBe(404);
    expect(await fileStatus(as.readKey, url)).toBe(200);
    expect(await fileStatus(as.staffB, url)).toBe(200);
  });

  it('when a file is uploaded or an API key revoked, then the audit log says who and when', async () => {
    const up = await uploader({ Cookie: await cookieOf('staffa') })();
    const audit = await server.services.store.listAudit({ entity: 'file', entityId: up.body.id, limit: 5 });
    expect(audit).toMatchObject([{ actor: 'staffa', action: 'upload', after: { size: JPEG.length, contentType: 'image/jpeg' } }]);
    expect((await admin('DELETE', `/api-keys/${readKeyId}`)).status).toBe(204);
    expect(await server.services.store.listAudit({ entity: 'apiKey', entityId: readKeyId, limit: 5 })).toMatchObject([
      { actor: 'admin', action: 'revoke' },
      { actor: 'admin', action: 'create' },
    ]);
  });
});

describe('upload quota and unattached uploads', () => {
  it('when one person goes over the files or bytes of a day, then 429 with a message in both languages, and nothing is stored', async () => {
    const send = uploader({ Cookie: await cookieOf('managera') });
    const big = Buffer.concat([JPEG.subarray(0, -2), Buffer.alloc(1200), JPEG.subarray(-2)]);
    expect((await send(big)).status).toBe(201);
    expect((await send(big)).status).toBe(201);
    expect((await send(big)).status).toBe(201);
    const overBytes = await send(big);
    expect(overBytes.status).toBe(429);
    expect(overBytes.body.error).toMatchObject({ code: 'quota_exceeded', messageZh: expect.stringContaining('上传已达上限') });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(201);
    const overCount = await send();
    expect(overCount.status).toBe(429);
    expect(overCount.body.error.message).toContain('6 files in 24 hours');
    expect(await server.services.store.fileUsage('managera', '2000-01-01T00:00:00Z')).toMatchObject({ count: 6 });
    // Another person is not affected; a day later the same person may upload again.
    expect((await uploader({ Cookie: await cookieOf('staffa') })()).status).toBe(201);
    now = new Date(now.getTime() + 86_400_001);
    expect((await uploader({ Cookie: await cookieOf('managera') })()).status).toBe(201);
  });

  it('when an upload is still unattached a day later, then the cleanup deletes it (audited) and keeps attached ones', async () => {
    const send = uploader({ Cookie: await cookieOf('staffb') });
    const loose = (await send()).body as { id: string };
    const kept = (await send()).body as { id: string; url: string };
    const b = await server.signIn('staffb', 'staffb-password-123');
    expect((await b('POST', '/records', { form: 'after-sales-record', store: 'B', data: call([kept.url]) })).status).toBe(201);
    // Uploads of the earlier tests are a day old by now; today's stay.
    await server.services.fileCleanup.run();
    expect(await server.services.store.getFile(loose.id)).not.toBeNull();
    now = new Date(now.getTime() + 25 * 3_600_000);
    const deleted = await server.services.fileCleanup.run();
    expect(deleted).toBeGreaterThanOrEqual(1);
    // (Sessions end after 12 hours: sign in again.)
    const again = { Cookie: await cookieOf('staffb') };
    expect(await fileStatus(again, `/files/${loose.id}`)).toBe(404);
    expect(await fileStatus(again, `/files/${kept.id}`)).toBe(200);
    expect(await server.services.store.listAudit({ entity: 'file', entityId: loose.id, limit: 5 })).toMatchObject([
      { actor: 'system', action: 'delete unattached upload' },
      { action: 'upload' },
    ]);
  });
});

describe('impact of a dry-run push', () => {
  it('when a definitions:write key dry-runs a change, then it gets counts only; an admin gets the records', async () => {
    const signedIn = await server.signIn('admin', server.adminPassword);
    expect((await signedIn('POST', '/records', { form: 'vehicle-use', data: trip(350) })).status).toBe(201);
    const pulled = (await signedIn('GET', '/pack')).body.files as { path: string; content: string }[];
    const files = pulled.map((f) =>
      f.path.endsWith('vehicles.rules.json') ? { ...f, content: f.content.replace('"value": 200', '"value": 1000') } : f,
    );
    expect(files).not.toEqual(pulled);
    const asKey = await writeKey('POST', '/pack', { files, dryRun: true });
    expect(asKey.status).toBe(200);
    expect(asKey.body.impact).toEqual([]);
    expect(asKey.body.impactCounts.records).toBeGreaterThan(0);
    expect(asKey.body.impactCounts.hidden).toBe(asKey.body.impactCounts.records);
    expect(asKey.body.impactCounts.byForm['vehicle-use']).toBeGreaterThan(0);
    expect(JSON.stringify(asKey.body)).not.toMatch(/张三|李四|recordId/);
    const asAdmin = await signedIn('POST', '/pack', { files, dryRun: true });
    expect(asAdmin.body.impact.length).toBe(asKey.body.impactCounts.records);
    expect(asAdmin.body.impactCounts.hidden).toBe(0);
  });
});
