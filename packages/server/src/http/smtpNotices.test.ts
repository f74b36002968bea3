import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// The e-mail channel for real: a local SMTP server on 127.0.0.1 (port 0) receives an approval
// decision sent by the product's notice worker over SMTP, in Chinese, with the reason.

interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

let server: TestServer;
let smtp: SMTPServer;
let smtpPort: number;
let admin: Client;
let technician: Client;
let supervisor: Client;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    // Plain SMTP on the loopback: no TLS upgrade or sign-in offered (the channel sets neither).
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ clock: () => new Date('2025-10-20T10:00:00+08:00') });
  admin = await server.signIn('admin', server.adminPassword);
  for (const [username, displayName, roles, policyRoles] of [
    ['wang', '王师傅', ['staff'], ['technician']],
    ['zhao', '赵主管', ['manager'], ['afterSalesSupervisor', 'partsGroupLeader']],
  ] as const) {
    const created = await admin('POST', '/users', {
      username,
      displayName,
      password: `${username}-Password-8642`,
      roles,
      policyRoles,
      stores: ['jiefang'],
    });
    expect(created.status).toBe(201);
  }
  technician = await server.signIn('wang', 'wang-Password-8642');
  supervisor = await server.signIn('zhao', 'zhao-Password-8642');
}, 120_000);
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('e-mail notices over SMTP', () => {
  it('when a supervisor rejects a requisition, then the store’s e-mail channel delivers the decision with the reason, in Chinese, to the SMTP server', async () => {
    const channel = await admin('POST', '/channels', {
      store: 'jiefang',
      kind: 'email',
      name: '门店邮箱',
      events: ['approval'],
      config: { host: '127.0.0.1', port: smtpPort, from: 'notices@store.example', to: ['jiefang-office@store.example'] },
    });
    expect(channel.status).toBe(201);
    const created = await technician('POST', '/records', {
      form: 'parts-requisition',
      store: 'jiefang',
      data: { requester: 'wang', items: [{ name: '进水阀', qty: 2, unitPrice: 85 }], purpose: 'repair', totalAmount: 170 },
    });
    expect(created.status).toBe(201);
    const task = (await server.services.store.listApprovals({ recordId: created.body.id })).find(
      (a) => a.approver === 'afterSalesSupervisor',
    )!;
    expect((await supervisor('POST', `/approvals/${task.id}/decision`, { decision: 'reject', comment: '金额过高，请拆单' })).status).toBe(
      200,
    );

    expect(received).toHaveLength(0);
    expect((await server.services.notices.tick()).delivered).toBe(1);
    expect(received).toHaveLength(1);
    const { from, to, mail } = received[0]!;
    expect(from).toBe('notices@store.example');
    expect(to).toEqual(['jiefang-office@store.example']);
    expect(mail.subject).toBe('【售后通知】赵主管（售后主管）已驳回你的申请，理由：金额过高，请拆单');
    expect(mail.text).toContain('已驳回你的申请，理由：金额过高，请拆单');
    expect(mail.text).toContain('rejected your request: 金额过高');
    // The delivery is logged as delivered, and nothing is sent twice.
    const deliveries = await admin('GET', `/channels/${channel.body.id}/deliveries`);
    expect(deliveries.body.items).toEqual([expect.objectContaining({ state: 'delivered', event: 'approval', attempts: 1 })]);
    expect((await server.services.notices.tick()).delivered).toBe(0);
    expect(received).toHaveLength(1);
  });
});
