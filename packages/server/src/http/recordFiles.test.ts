import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Photos and scans a record names (issue 18, several photos per field): each file a write adds must
// exist, be the writer's own upload or already belong to a record of the same store, and be an image
// in a photo field; files an earlier version named stay as they are.

const now = new Date('2025-10-09T09:00:00+08:00');
let server: TestServer;
let admin: Client;
const cookies = new Map<string, string>();
const as = new Map<string, Client>();

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const call = (photos: string[]) => ({
  ticketNo: 'SH-9',
  store: '解放路店',
  customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
  brand: 'kohler',
  serviceType: 'repair',
  problemDescription: '漏水',
  zone: 'urban',
  callTime: '2025-10-09T09:00:00+08:00',
  technician: 'techa',
  photos,
});

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, stores] of [
    ['techa', ['A']],
    ['techa2', ['A']],
    ['techb', ['B']],
  ] as const) {
    const password = `${username}-password-123`;
    const created = await admin('POST', '/users', {
      username,
      displayName: username,
      password,
      roles: ['staff'],
      policyRoles: ['technician'],
      stores,
    });
    expect(created.status).toBe(201);
    as.set(username, await server.signIn(username, password));
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    cookies.set(username, login.headers.get('set-cookie')!.split(';')[0]!);
  }
}, 120_000); // signing up users hashes passwords (scrypt): slow on a busy machine
afterAll(() => server.close());

async function upload(username: string, bytes: Buffer = JPEG, type = 'image/jpeg'): Promise<{ id: string; url: string }> {
  const response = await fetch(`${server.url}/api/v1/files`, {
    method: 'POST',
    headers: { Cookie: cookies.get(username)!, 'Content-Type': type, 'X-Requested-With': 'aftersales' },
    body: bytes,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; url: string };
}

const total = async () => (await admin('GET', '/records?limit=1')).body.total as number;

describe('files a record names', () => {
  it('when a technician attaches three photos they took, then the record keeps all three in order and they read them back', async () => {
    const photos = [await upload('techa'), await upload('techa'), await upload('techa')];
    const created = await as.get('techa')!('POST', '/records', {
      form: 'after-sales-record',
      store: 'A',
      data: call(photos.map((p) => p.url)),
    });
    expect(created.status).toBe(201);
    const read = await as.get('techa')!('GET', `/records/${created.body.id as string}`);
    expect(read.body.data.photos).toEqual(photos.map((p) => p.url));
    // A colleague of the store edits the record: the photos already there are not checked again; one of them may go.
    const edited = await as.get('techa2')!('PUT', `/records/${created.body.id as string}`, {
      rev: read.body.rev,
      data: { ...read.body.data, photos: photos.slice(0, 2).map((p) => p.url) },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.data.photos).toHaveLength(2);
    // ... and may name a photo of the store's records on another record of the store.
    const again = await as.get('techa2')!('POST', '/records', { form: 'after-sales-record', store: 'A', data: call([photos[0]!.url]) });
    expect(again.status).toBe(201);
  });

  it("when a technician names another store's upload, then 400 pointing at the photo, in both languages, and nothing is written", async () => {
    const foreign = await upload('techb');
    const own = await upload('techa');
    const before = await total();
    const refused = await as.get('techa')!('POST', '/records', {
      form: 'after-sales-record',
      store: 'A',
      data: call([own.url, foreign.url]),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'validation_failed',
      reason: 'record.fileNotYours',
      messageZh: expect.stringContaining('“照片”中的文件不是你上传的'),
      details: [{ pointer: '/data/photos/1', code: 'record.fileNotYours' }],
    });
    expect(refused.body.error.message).toContain('Photos: the file was neither uploaded by you');
    expect(await total()).toBe(before);
    // The file stays unreadable for store A: the refused write named it nowhere.
    const read = await fetch(`${server.url}/api/v1${foreign.url.replace('/api/v1', '')}`, { headers: { Cookie: cookies.get('techa')! } });
    expect(read.status).toBe(404);
    // An admin may attach any file that exists.
    expect((await admin('POST', '/records', { form: 'after-sales-record', store: 'A', data: call([foreign.url]) })).status).toBe(201);
  });

  it('when a photo field names a PDF or a file that does not exist, then 400 with one detail per file', async () => {
    const scan = await upload('techa', PDF, 'application/pdf');
    const missing = '/api/v1/files/00000000-0000-4000-8000-000000000000';
    const refused = await as.get('techa')!('POST', '/records', { form: 'after-sales-record', store: 'A', data: call([scan.url, missing]) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe('record.fileNotPhoto');
    expect(refused.body.error.messageZh).toContain('“照片”只能放照片（这个文件是 application/pdf）');
    expect(refused.body.error.details).toMatchObject([
      { pointer: '/data/photos/0', code: 'record.fileNotPhoto' },
      { pointer: '/data/photos/1', code: 'record.fileUnknown', messageZh: expect.stringContaining('文件不存在') },
    ]);
  });
});
