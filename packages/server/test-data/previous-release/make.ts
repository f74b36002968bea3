/**
 * Builds `aftersales.sqlite`: a database made by the release before versioned migrations (commit
 * 095b7d3), with data in every table, through the real server and services of that release. It is
 * committed as it was made; the upgrade test (src/store/sqlite/upgrade.test.ts) opens a copy with
 * the current code. Kept for the record of how the file was made: run at 095b7d3 with
 *   node --conditions=source --import tsx packages/server/test-data/previous-release/make.ts
 */
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startTestServer } from '../../src/testing/startTestServer.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let now = new Date('2025-10-09T09:00:00+08:00');
const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-previous-release-'));
const server = await startTestServer({ clock: () => now, dataDir });
const must = (response: { status: number; body: any }, status: number) => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};

const admin = await server.signIn('admin', server.adminPassword);
for (const [username, roles, policyRoles, stores] of [
  ['clerk', ['staff'], ['customerServiceClerk'], ['jiefang']],
  ['tech', ['staff'], ['technician'], ['jiefang']],
  ['deputy', ['manager'], ['deputyGeneralManager'], ['jiefang']],
  ['boss', ['manager'], ['afterSalesManager', 'generalManager'], ['jiefang']],
  ['gone', ['staff'], [], ['jiefang']],
] as const)
  must(
    await admin('POST', '/users', {
      username,
      displayName: `${username} 李`,
      password: `${username}-password-123`,
      roles,
      policyRoles,
      stores,
    }),
    201,
  );
const apiKey = must(await admin('POST', '/api-keys', { name: '集成 CI', scopes: ['records:read', 'definitions:read'] }), 201);
const gone = (await server.services.store.userByUsername('gone'))!;
must(await admin('POST', `/users/${gone.id}/deactivate`, {}), 200);
// A failed sign-in is counted (login_failures).
await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'clerk', password: 'wrong-password' }),
});

const clerk = await server.signIn('clerk', 'clerk-password-123');
const deputy = await server.signIn('deputy', 'deputy-password-123');
const boss = await server.signIn('boss', 'boss-password-123');

// A photo, attached to an after-sales record.
const login = await fetch(`${server.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'clerk', password: 'clerk-password-123' }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const upload = await fetch(`${server.url}/api/v1/files`, {
  method: 'POST',
  body: PNG,
  headers: {
    Cookie: cookie,
    'Content-Type': 'image/png',
    'X-File-Name': encodeURIComponent('现场 照片.png'),
    'X-Requested-With': 'aftersales',
  },
});
if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
const photo = (await upload.json()) as { url: string };

const job = (ticketNo: string, extra: Record<string, unknown> = {}) => ({
  ticketNo,
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: '王师傅',
  ...extra,
});
// Done, revenue never handed in: the clock breaches it four days later (a fine, notices).
must(
  await clerk('POST', '/records', {
    form: 'after-sales-record',
    data: job('FIX-1', {
      arrivalTime: '2025-10-09T12:00:00+08:00',
      resolution: 'fixedOnSite',
      fee: 180,
      completedAt: '2025-10-09T13:00:00+08:00',
      photos: [photo.url],
    }),
    store: 'jiefang',
  }),
  201,
);
// Still open: its deadlines breach too.
const open = must(await clerk('POST', '/records', { form: 'after-sales-record', data: job('FIX-2'), store: 'jiefang' }), 201);
must(await clerk('PUT', `/records/${open.id}`, { data: job('FIX-2', { problemDescription: '漏水，水龙头' }), rev: open.rev }), 200);

const complaint = (severity: 'serious' | 'general') => ({
  customer: '张女士',
  category: 'quality',
  severity,
  description: '柜门歪了',
  receivedAt: '2025-10-09T10:00:00+08:00',
});
// A serious complaint in handling: the deputy GM's approval is pending; a second one is approved.
const pending = must(await clerk('POST', '/records', { form: 'complaint-log', data: complaint('serious'), store: 'jiefang' }), 201);
must(await clerk('POST', `/records/${pending.id}/transitions`, { to: 'handling' }), 200);
const decided = must(await clerk('POST', '/records', { form: 'complaint-log', data: complaint('serious'), store: 'jiefang' }), 201);
must(await clerk('POST', `/records/${decided.id}/transitions`, { to: 'handling' }), 200);
const inbox = must(await deputy('GET', '/approvals'), 200);
const task = inbox.items.find((a: { recordId: string }) => a.recordId === decided.id);
must(await deputy('POST', `/approvals/${task.id}/decision`, { decision: 'approve', comment: '同意' }), 200);
// A vehicle trip with a repair above 200 yuan (A1).
must(
  await clerk('POST', '/records', {
    form: 'vehicle-use',
    data: { user: '张三', driver: '李四', departureTime: '2025-10-09T09:00:00+08:00', purpose: '送货', repairCost: 350 },
    store: 'jiefang',
  }),
  201,
);

// Four days later: the clock breaches, posts fines and notices; a manager corrects one fine.
now = new Date('2025-10-13T14:00:00+08:00');
must(await (await server.signIn('admin', server.adminPassword))('POST', '/clock/tick'), 200);
const fines = must(await (await server.signIn('boss', 'boss-password-123'))('GET', '/fines'), 200);
const fine = fines.items.find((f: { amount: number; origin: string }) => f.origin === 'breach');
now = new Date('2025-10-13T14:20:00+08:00');
must(
  await (
    await server.signIn('boss', 'boss-password-123')
  )('POST', `/fines/${fine.id}/corrections`, { reason: '营业款已交回', amount: 20 }),
  201,
);
void boss;
void apiKey;

await server.close();
const made = join(dataDir, 'aftersales.sqlite');
const db = new Database(made);
db.exec('VACUUM');
const counts = Object.fromEntries(
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    ({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n],
  ),
);
db.close();
copyFileSync(made, fileURLToPath(new URL('aftersales.sqlite', import.meta.url)));
rmSync(dataDir, { recursive: true, force: true });
console.log(counts);
