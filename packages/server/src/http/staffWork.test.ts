import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// The staff workspace's server side: photos, who sees which records, deadline chips, the overdue
// board, the fines ledger and its exports, the dashboards' figures.

let now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
let clerk: Client;
let otherStore: Client;
let manager: Client;
let clerkCookie: string;

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b40000000049454e44ae426082',
  'hex',
);

const call = (overrides: Record<string, unknown> = {}) => ({
  ticketNo: 'SH-1',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: '王师傅',
  ...overrides,
});

/** As the web app sends it: the session cookie and the CSRF header. */
async function raw(path: string, init: RequestInit & { cookie?: string } = {}) {
  return fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { 'X-Requested-With': 'aftersales', ...(init.headers ?? {}), Cookie: init.cookie ?? clerkCookie },
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, roles, policyRoles, stores] of [
    ['clerk', ['staff'], ['customerServiceClerk'], ['jiefang']],
    ['far', ['staff'], ['customerServiceClerk'], ['elsewhere']],
    ['boss', ['manager'], ['generalManager', 'afterSalesManager'], []],
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
  clerk = await server.signIn('clerk', 'clerk-password-123');
  otherStore = await server.signIn('far', 'far-password-123');
  manager = await server.signIn('boss', 'boss-password-123');
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password: 'clerk-password-123' }),
  });
  clerkCookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(() => server.close());

describe('photos attached to records', () => {
  it('when a JPEG is uploaded, then it comes back byte for byte with its type, and only to signed-in callers', async () => {
    const up = await raw('/files', {
      method: 'POST',
      body: JPEG,
      headers: { 'Content-Type': 'image/jpeg', 'X-File-Name': encodeURIComponent('现场 照片.jpg') },
    });
    expect(up.status).toBe(201);
    const info = (await up.json()) as { id: string; url: string; name: string; size: number };
    expect(info).toMatchObject({ name: '现场 照片.jpg', size: JPEG.length, url: `/api/v1/files/${info.id}` });
    const back = await raw(`/files/${info.id}`);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.compare(Buffer.from(await back.arrayBuffer()), JPEG)).toBe(0);
    expect((await fetch(`${server.url}${info.url}`)).status).toBe(401);
  });

  it('when the bytes are not what the type says, or not a photo at all, then it is refused with 422', async () => {
    expect((await raw('/files', { method: 'POST', body: PNG, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(422);
    expect((await raw('/files', { method: 'POST', body: '<svg onload=alert(1)>', headers: { 'Content-Type': 'image/png' } })).status).toBe(
      422,
    );
    const png = await raw('/files', { method: 'POST', body: PNG, headers: { 'Content-Type': 'image/png' } });
    expect(png.status).toBe(201);
  });

  it('when the body is JSON, a form post, empty or over 10 MiB, then it is a 4xx and nothing is stored', async () => {
    expect((await raw('/files', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    expect(
      (await raw('/files', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status,
    ).toBe(400);
    expect((await raw('/files', { method: 'POST', body: Buffer.alloc(0), headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(400);
    const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1_048_576)]);
    const tooBig = await raw('/files', { method: 'POST', body: big, headers: { 'Content-Type': 'image/jpeg' } });
    expect(tooBig.status).toBe(413);
    expect((await raw('/files/not-an-id')).status).toBe(404);
  });

  it('when the file name is a naughty string, then it is stored without path parts or control characters', async () => {
    const up = await raw('/files', {
      method: 'POST',
      body: JPEG,
      headers: { 'Content-Type': 'image/jpeg', 'X-File-Name': encodeURIComponent('../../etc/passwd\u202e\u0000') },
    });
    expect(((await up.json()) as { name: string }).name).toBe('passwd');
    const bad = await raw('/files', { method: 'POST', body: JPEG, headers: { 'Content-Type': 'image/jpeg', 'X-File-Name': '%E0%A4%A' } });
    expect(bad.status).toBe(201);
  });
});

describe('records staff see', () => {
  it('when staff of another store ask for a record, then it does not exist for them and their lists leave it out', async () => {
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data: call({ ticketNo: 'SEEN-1' }), store: 'jiefang' });
    expect(created.status).toBe(201);
    // The answer to a create shows what reading the record shows: deadline rows and status moves.
    const read = await clerk('GET', `/records/${created.body.id}`);
    expect(created.body.deadlines.map((d: { key: string }) => d.key)).toContain('after-sales-record.turnaround/arrival');
    expect(created.body.deadlines).toEqual(read.body.deadlines);
    expect(created.body.transitions.length).toBeGreaterThan(0);
    expect(created.body.transitions).toEqual(read.body.transitions);
    expect((await otherStore('GET', `/records/${created.body.id}`)).status).toBe(404);
    expect((await otherStore('GET', `/records/${created.body.id}/history`)).status).toBe(404);
    expect((await otherStore('POST', `/records/${created.body.id}/transitions`, { to: 'dispatched' })).status).toBe(404);
    const theirs = await otherStore('GET', '/records?form=after-sales-record');
    expect(theirs.body.items.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
    expect((await manager('GET', `/records/${created.body.id}`)).status).toBe(200);
  });

  it('when records are listed, then each has its deadline rows and the list has the server time for the chips', async () => {
    const mine = await clerk('GET', '/records?mine=1&form=after-sales-record');
    expect(mine.status).toBe(200);
    expect(mine.body.now).toBe(now.toISOString());
    const item = mine.body.items[0];
    expect(item.evaluation).toBeUndefined();
    expect(item.deadlines.map((d: { key: string }) => d.key)).toContain('after-sales-record.turnaround/arrival');
    const arrival = item.deadlines.find((d: { key: string }) => d.key.endsWith('/arrival'));
    expect(arrival).toMatchObject({ state: 'open', dueAt: '2025-10-09T08:00:00.000Z' });
    expect((await otherStore('GET', '/records?mine=1&form=after-sales-record')).body.total).toBe(0);
  });
});

describe('overdue board, fines ledger and dashboards', () => {
  let recordId: string;

  it('when the clock passes a due time, then the job is on the overdue board and its fine in the ledger, per person and month', async () => {
    // The job is entered once it was done (times in the future are refused).
    now = new Date('2025-10-09T13:30:00+08:00');
    clerk = await server.signIn('clerk', 'clerk-password-123');
    const data = call({
      ticketNo: 'LATE-1',
      technician: '=HYPERLINK("http://x","王")',
      arrivalTime: '2025-10-09T12:00:00+08:00',
      resolution: 'fixedOnSite',
      fee: 180,
      completedAt: '2025-10-09T13:00:00+08:00',
    });
    const created = await clerk('POST', '/records', { form: 'after-sales-record', data, store: 'jiefang' });
    expect(created.status).toBe(201);
    recordId = created.body.id;
    now = new Date('2025-10-13T14:00:00+08:00');
    // Sessions last 12 hours: four days later everyone signs in again.
    admin = await server.signIn('admin', server.adminPassword);
    clerk = await server.signIn('clerk', 'clerk-password-123');
    manager = await server.signIn('boss', 'boss-password-123');
    clerkCookie = await cookieOf('clerk', 'clerk-password-123');
    expect((await admin('POST', '/clock/tick')).status).toBe(200);
    const board = await manager('GET', '/deadlines?state=breached');
    const row = board.body.items.find(
      (d: { recordId: string; key: string }) => d.recordId === recordId && d.key.endsWith('/revenueToFinance'),
    );
    expect(row.record).toMatchObject({ id: recordId, formId: 'after-sales-record', store: 'jiefang' });
    expect(board.body.now).toBe(now.toISOString());
    expect((await clerk('GET', '/deadlines?state=breached')).status).toBe(403);

    const ledger = await manager('GET', '/fines?month=2025-10');
    const fine = ledger.body.items.find((f: { recordId: string }) => f.recordId === recordId);
    expect(fine).toMatchObject({ amount: 180, payerRole: 'technician', origin: 'breach' });
    expect(ledger.body.summary).toContainEqual({
      person: data.technician,
      // No account has that name: the ledger shows the name as typed.
      personName: data.technician,
      payerRole: 'technician',
      month: '2025-10',
      count: 1,
      total: 180,
    });
    expect((await manager('GET', '/fines?month=2025-13')).status).toBe(400);
  });

  it('when a deadline is breached, then its notice reaches the role it names, only for people who may see the record', async () => {
    const notices = await clerk('GET', '/notifications');
    expect(notices.status).toBe(200);
    const mine = notices.body.items.filter((n: { recordId: string }) => n.recordId === recordId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      role: 'customerServiceClerk',
      message: { 'zh-CN': '已超时：当日派工' },
      record: { id: recordId, formId: 'after-sales-record', store: 'jiefang' },
    });
    // The same role in another store does not see it; the technician's notice is the admin's to see, not the clerk's.
    otherStore = await server.signIn('far', 'far-password-123');
    expect((await otherStore('GET', '/notifications')).body.items.filter((n: { recordId: string }) => n.recordId === recordId)).toEqual([]);
    const all = (await admin('GET', '/notifications')).body.items.filter((n: { recordId: string }) => n.recordId === recordId);
    expect(all.map((n: { role: string }) => n.role).sort()).toEqual(['customerServiceClerk', 'technician']);
    expect((await clerk('GET', '/notifications?limit=0')).status).toBe(400);
  });

  it('when the ledger is exported as CSV, then it is UTF-8 with a BOM, in the asked language, and formulas do not run', async () => {
    const bossCookie = await cookieOf('boss', 'boss-password-123');
    const csv = await raw('/fines/export?format=csv&month=2025-10&lang=zh-CN', { cookie: bossCookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('fines-2025-10.csv');
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFF日期,月份,责任人,角色,金额（元）')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""王"")"`);
    expect(text).toContain('技术员');
    expect(text.trimEnd().split('\r\n').at(-1)).toMatch(/合计,180/);
    // Forms and records by their titles, dates local: no id, no ISO time.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).toMatch(/\r\n2025-10-\d{2} \d{2}:\d{2},2025-10,/);
    expect(text).toContain('售后服务处理记录表');
    expect((await raw('/fines/export?format=pdf', { cookie: bossCookie })).status).toBe(400);
  });

  it('when the ledger is exported as Excel, then the workbook reads back with the fine and the monthly totals', async () => {
    const bossCookie = await cookieOf('boss', 'boss-password-123');
    const xlsx = await raw('/fines/export?format=xlsx&lang=en', { cookie: bossCookie });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const sheets = await readExcelFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['Fines', 'Per person and month']);
    expect(sheets[0]!.data[0]).toEqual([
      'Date',
      'Month',
      'Person',
      'Role',
      'Amount (CNY)',
      'Reason',
      'Origin',
      'Form',
      'Record',
      'Correction note',
    ]);
    // The record by its title, never its id.
    expect(sheets[0]!.data.some((r) => r.includes(recordId))).toBe(false);
    const line = sheets[0]!.data.find((r) => r.includes(180))!;
    expect(line.some((cell) => typeof cell === 'string' && cell.startsWith('After-sales service record · '))).toBe(true);
    expect(line).toContain('=HYPERLINK("http://x","王")');
    expect(sheets[1]!.data[1]).toEqual(['2025-10', '=HYPERLINK("http://x","王")', 'Technician', 1, 180]);
  });

  it('when managers open the dashboards, then compliance per week by zone, fines per month and counts by field come from the records', async () => {
    const compliance = await manager('GET', '/dashboard/compliance?groupBy=zone&weeks=4');
    expect(compliance.status).toBe(200);
    expect(compliance.body.weeks).toEqual(['2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13']);
    const urban = compliance.body.series.find((s: { group: string }) => s.group === 'urban');
    expect(urban.breached[2]).toBeGreaterThanOrEqual(1);
    const fines = await manager('GET', '/dashboard/fines?months=2');
    expect(fines.body).toEqual({ months: ['2025-09', '2025-10'], count: [0, 1], total: [0, 180] });

    for (const [category, severity] of [
      ['quality', 'serious'],
      ['quality', 'general'],
      ['other', 'general'],
    ])
      expect(
        (
          await manager('POST', '/records', {
            form: 'complaint-log',
            data: { customer: '张', category, severity, description: '门歪了', receivedAt: '2025-10-13T10:00:00+08:00' },
          })
        ).status,
      ).toBe(201);
    const counts = await manager('GET', '/dashboard/counts?form=complaint-log&field=category&by=severity');
    expect(counts.body).toEqual({ total: 3, counts: { quality: { serious: 1, general: 1 }, other: { general: 1 } } });
    expect((await manager('GET', '/dashboard/counts?form=complaint-log')).status).toBe(400);
    expect((await clerk('GET', '/dashboard/fines')).status).toBe(403);
  });
});

async function cookieOf(username: string, password: string): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('users an admin manages', () => {
  it('when an admin changes a user, then the change shows; a new password ends their sessions; nobody else may', async () => {
    const list = await admin('GET', '/users');
    const far = list.body.items.find((u: { username: string }) => u.username === 'far');
    const farClient = await server.signIn('far', 'far-password-123');
    const moved = await admin('PUT', `/users/${far.id}`, { stores: ['jiefang', 'elsewhere'], policyRoles: ['technician'] });
    expect(moved.body).toMatchObject({ username: 'far', stores: ['jiefang', 'elsewhere'], policyRoles: ['technician'] });
    expect((await farClient('GET', '/auth/me')).status).toBe(200);
    expect((await admin('PUT', `/users/${far.id}`, { password: 'a-new-password-456' })).status).toBe(200);
    expect((await farClient('GET', '/auth/me')).status).toBe(401);
    expect(await server.signIn('far', 'a-new-password-456')).toBeTypeOf('function');
    expect((await manager('PUT', `/users/${far.id}`, { stores: [] })).status).toBe(403);
    expect((await admin('PUT', `/users/${far.id}`, { roles: ['root'] })).status).toBe(400);
    expect((await admin('PUT', '/users/nobody', { stores: [] })).status).toBe(404);
    const me = list.body.items.find((u: { username: string }) => u.username === 'admin');
    const selfDemotion = await admin('PUT', `/users/${me.id}`, { roles: ['staff'] });
    expect(selfDemotion.status).toBe(422);
    expect(selfDemotion.body.error).toMatchObject({ code: 'unprocessable', messageZh: '不能取消自己的管理员角色' });
    // A refusal people see comes in both languages.
    const twice = await admin('POST', '/users', { username: 'far', displayName: 'Far', password: 'far-password-123', roles: ['staff'] });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ message: 'user "far" exists', messageZh: '用户名“far”已被使用' });
  });
});
