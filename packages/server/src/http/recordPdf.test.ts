import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// The record's print layout as a PDF: Chinese labels and values read back from the file itself.

let server: TestServer;
let admin: Client;
let clerkCookie: string;
let otherCookie: string;

async function cookieOf(username: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const download = (id: string, cookie: string, query = '') =>
  fetch(`${server.url}/api/v1/records/${id}/pdf${query}`, { headers: cookie ? { Cookie: cookie } : {} });

/** The text of every page of a PDF, as a reader extracts it. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages.join('\n');
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date('2025-10-09T09:00:00+08:00') });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, stores] of [
    ['clerk', '客服小陈', ['jiefang']],
    ['other', '客服小周', ['elsewhere']],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName,
      password: `${username}-Password-8642`,
      roles: ['staff'],
      policyRoles: ['customerServiceClerk'],
      stores,
    });
    expect(created.status).toBe(201);
  }
  clerkCookie = await cookieOf('clerk', 'clerk-Password-8642');
  otherCookie = await cookieOf('other', 'other-Password-8642');
}, 120_000);
afterAll(() => server.close());

describe('record PDF', () => {
  it('when the clerk downloads a ticket as PDF, then the file parses and reads its number, Chinese labels and values in words', async () => {
    const created = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: {
        store: 'jiefang',
        customer: { name: '李女士', phone: '13800138000', address: '解放路 18 号' },
        brand: 'kohler',
        serviceType: 'repair',
        problemDescription: '厨房龙头漏水',
        zone: 'urban',
        callTime: '2025-10-09T08:30:00+08:00',
      },
    });
    expect(created.status).toBe(201);
    const ticketNo = created.body.data.ticketNo as string;
    const response = await download(created.body.id, clerkCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const bytes = await response.arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('售后服务处理记录表');
    expect(text).toContain(ticketNo);
    for (const words of ['单号', '门店', '状态', '客户', '姓名', '李女士', '厨房龙头漏水', '受理', '经办人签字'])
      expect(text).toContain(words);
    // Options in words and times in the store's zone, never codes or ISO text.
    expect(text).not.toContain('urban');
    expect(text).toContain('2025-10-09 08:30');
    const english = await pdfText(await (await download(created.body.id, clerkCookie, '?lang=en')).arrayBuffer());
    expect(english).toContain('Status');
    expect(english).toContain(ticketNo);
  });

  it('when someone of another store, or nobody signed in, asks for the PDF, then it is not found or unauthenticated', async () => {
    const created = await admin('POST', '/records', {
      form: 'after-sales-record',
      data: {
        store: 'jiefang',
        customer: { name: '王先生', phone: '13900139000' },
        brand: 'kohler',
        serviceType: 'repair',
        problemDescription: '不出热水',
        zone: 'urban',
        callTime: '2025-10-09T08:30:00+08:00',
      },
    });
    expect((await download(created.body.id, otherCookie)).status).toBe(404);
    expect((await download(created.body.id, '')).status).toBe(401);
    expect((await download(created.body.id, clerkCookie, '?lang=fr')).status).toBe(400);
  });
});
