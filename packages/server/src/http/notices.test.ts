import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Outbound notices: a store's webhook, 企业微信 and 钉钉 robots receive approval decisions, signed,
// retried with backoff, logged and replayable; addresses are checked (SSRF). The receiver is a test
// server on 127.0.0.1.

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let now = new Date('2025-10-20T10:00:00+08:00');
let server: TestServer;
let admin: Client;
let technician: Client;
let supervisor: Client;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** How the receiver answers the next requests (status codes), then 200. */
const answers: number[] = [];
const SECRET = 'whsec-0123456789abcdef';
const DING_SECRET = 'SEC-ding-robot-secret';

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/moved')) {
        res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data' }).end();
        return;
      }
      const status = answers.shift() ?? 200;
      res
        .writeHead(status, { 'Content-Type': 'application/json' })
        .end(req.url?.startsWith('/robot') ? '{"errcode":0,"errmsg":"ok"}' : '{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startTestServer({
    clock: () => now,
    config: { noticeAllowHosts: ['127.0.0.1'], sessionIdleMinutes: 60 * 24, sessionMaxHours: 48 },
  });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, roles, policyRoles] of [
    ['wang', '王师傅', ['staff'], ['technician']],
    ['zhao', '赵主管', ['manager'], ['afterSalesSupervisor', 'partsGroupLeader']],
  ] as const)
    expect(
      (
        await admin('POST', '/users', {
          username,
          displayName,
          password: `${username}-Password-8642`,
          roles,
          policyRoles,
          stores: ['jiefang'],
        })
      ).status,
    ).toBe(201);
  technician = await server.signIn('wang', 'wang-Password-8642');
  supervisor = await server.signIn('zhao', 'zhao-Password-8642');
}, 120_000);
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const requisition = { requester: 'wang', items: [{ name: '进水阀', qty: 2, unitPrice: 85 }], purpose: 'repair', totalAmount: 170 };

/** The technician asks for parts and the supervisor decides; answers the approval's record id. */
async function decided(decision: 'approve' | 'reject', comment: string): Promise<string> {
  const created = await technician('POST', '/records', { form: 'parts-requisition', data: requisition, store: 'jiefang' });
  expect(created.status).toBe(201);
  const task = (await server.services.store.listApprovals({ recordId: created.body.id })).find(
    (a) => a.approver === 'afterSalesSupervisor',
  )!;
  expect((await supervisor('POST', `/approvals/${task.id}/decision`, { decision, comment })).status).toBe(200);
  return created.body.id as string;
}

describe('notice channels', () => {
  it('when an address is not http(s), carries a password, or is internal and not allowed, then the channel is refused with a pointer', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://127.0.0.1/x',
      'http://user:pw@127.0.0.1/x',
      'http://127.0.0.2/hook',
      'http://10.0.0.8/hook',
      'http://[::1]/x',
    ])
      expect(
        (
          await admin('POST', '/channels', {
            store: 'jiefang',
            kind: 'webhook',
            name: 'x',
            events: ['approval'],
            config: { url, secret: SECRET },
          })
        ).body.error?.details?.[0]?.pointer,
        url,
      ).toBe('/config/url');
    const short = await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'webhook',
      name: 'x',
      events: ['approval'],
      config: { url: `${base}/hook`, secret: 'short' },
    });
    expect(short.status).toBe(400);
    expect((await technician('GET', '/channels')).status).toBe(403);
  });

  it('when a manager rejects a requisition, then the requester is told with the reason: in the app and by a signed webhook', async () => {
    const made = await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'webhook',
      name: '门店系统',
      events: ['approval'],
      config: { url: `${base}/hook`, secret: SECRET },
    });
    expect(made.status).toBe(201);
    expect(made.body.config).toEqual({ url: `${base}/hook` });
    expect(made.body.secretSet).toBe(true);
    const recordId = await decided('reject', '金额过高，请拆单');
    const notices = await technician('GET', '/notifications');
    expect(notices.body.items.map((n: { message: { 'zh-CN': string } }) => n.message['zh-CN'])).toContain(
      '赵主管（售后主管）已驳回你的申请，理由：金额过高，请拆单',
    );
    expect((await server.services.notices.tick()).delivered).toBe(1);
    const hook = received.filter((r) => r.path === '/hook');
    expect(hook).toHaveLength(1);
    const { headers, body } = hook[0]!;
    const expected = createHmac('sha256', SECRET)
      .update(`${String(headers['x-aftersales-timestamp'])}.${body}`)
      .digest('hex');
    expect(headers['x-aftersales-signature']).toBe(`sha256=${expected}`);
    expect(headers['x-aftersales-event']).toBe('approval');
    const payload = JSON.parse(body) as {
      event: string;
      store: string;
      notice: { recordId: string; person: string; message: { en: string } };
    };
    expect(payload).toMatchObject({ event: 'approval', store: 'jiefang', notice: { recordId, person: 'wang' } });
    expect(payload.notice.message.en).toContain('rejected your request: 金额过高');
    // Nothing more to send: a second turn sends nothing again.
    expect((await server.services.notices.tick()).delivered).toBe(0);
    expect(received.filter((r) => r.path === '/hook')).toHaveLength(1);
  });

  it('when the receiver fails, then the delivery is retried after the backoff, logged, and an admin may replay it', async () => {
    answers.push(500);
    await decided('approve', '同意');
    const first = await server.services.notices.tick();
    expect(first).toMatchObject({ delivered: 0, failed: 1 });
    const channel = (await admin('GET', '/channels')).body.items[0] as { id: string };
    const log = async () =>
      (await admin('GET', `/channels/${channel.id}/deliveries`)).body.items as {
        id: string;
        state: string;
        attempts: number;
        lastStatus: number;
      }[];
    expect((await log())[0]).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500 });
    // Not before its time.
    expect((await server.services.notices.tick()).delivered).toBe(0);
    now = new Date(now.getTime() + 31_000);
    expect((await server.services.notices.tick()).delivered).toBe(1);
    expect((await log())[0]).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200 });
    const before = received.length;
    const replay = await admin('POST', `/deliveries/${(await log())[0]!.id}/replay`);
    expect(replay.body).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await server.services.notices.tick()).delivered).toBe(1);
    expect(received.length).toBe(before + 1);
    // The log is paged: a page, its total and the cursor of the next one.
    const page = await admin('GET', `/channels/${channel.id}/deliveries?limit=1`);
    expect(page.body).toMatchObject({ total: (await log()).length, totalCapped: false });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor === null).toBe((await log()).length === 1);
    expect((await admin('GET', `/channels/${channel.id}/deliveries?cursor=not-ours!`)).status).toBe(400);
  });

  it('when a channel’s receiver answers with a redirect, then it is not followed and the attempt fails', async () => {
    const moved = await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'webhook',
      name: 'moved',
      events: ['approval'],
      config: { url: `${base}/moved`, secret: SECRET },
    });
    await decided('approve', '同意');
    await server.services.notices.tick();
    const log = (await admin('GET', `/channels/${moved.body.id}/deliveries`)).body.items as { lastStatus: number; lastError: string }[];
    expect(log[0]).toMatchObject({ lastStatus: 302, lastError: 'redirect not followed' });
    expect(received.filter((r) => r.path.startsWith('/moved'))).toHaveLength(1);
    expect((await admin('DELETE', `/channels/${moved.body.id}`)).status).toBe(200);
  });

  it('when 企业微信 and 钉钉 robots are configured, then they get a text message, DingTalk’s URL signed as its robot documentation says', async () => {
    // New channels hear of notices from their creation on.
    now = new Date(now.getTime() + 1_000);
    await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'wecom',
      name: '企业微信群',
      events: ['approval'],
      config: { url: `${base}/robot/wecom?key=k1` },
    });
    await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'dingtalk',
      name: '钉钉群',
      events: ['approval'],
      config: { url: `${base}/robot/ding?access_token=t1`, secret: DING_SECRET },
    });
    await decided('reject', '库存不足');
    await server.services.notices.tick();
    const wecom = received.find((r) => r.path.startsWith('/robot/wecom'))!;
    expect(JSON.parse(wecom.body)).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('已驳回你的申请，理由：库存不足') },
    });
    const ding = received.find((r) => r.path.startsWith('/robot/ding'))!;
    const url = new URL(ding.path, base);
    const timestamp = url.searchParams.get('timestamp')!;
    expect(Number(timestamp)).toBe(now.getTime());
    expect(url.searchParams.get('access_token')).toBe('t1');
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64'));
    expect(JSON.parse(ding.body)).toMatchObject({ msgtype: 'text' });
  });
});
