import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Channel, Delivery } from '../../store/channels.js';
import { checkOutboundUrl } from './safeUrl.js';

/** An attempt's result: delivered, or why not (HTTP status when there was one). */
export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;

/** The text people read on a robot or in a mail: the notice in Chinese, then English. */
export function noticeText(delivery: Delivery): string {
  const { message } = delivery.payload.notice;
  return `【售后通知】${message['zh-CN']}\n${message.en}`;
}

/** The signature header of a webhook body: HMAC-SHA256 over "timestamp.body" with the channel's secret, hex. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** DingTalk's robot signing: HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, Base64, added to the URL as timestamp and sign. */
export function dingTalkSignedUrl(url: URL, secret: string, timestampMs: number): URL {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', sign);
  return signed;
}

/** Sends one delivery on its channel. Never follows a redirect; every address is checked again before each attempt. */
export async function send(
  channel: Channel,
  delivery: Delivery,
  options: { allowHosts: readonly string[]; now: Date },
): Promise<SendResult> {
  try {
    const config = channel.config;
    switch (channel.kind) {
      case 'webhook': {
        const url = await checkOutboundUrl(String(config.url), options.allowHosts);
        const body = JSON.stringify({
          event: delivery.event,
          delivery: delivery.id,
          store: delivery.payload.store,
          notice: delivery.payload.notice,
        });
        const timestamp = String(Math.floor(options.now.getTime() / 1000));
        return await post(url, body, {
          'X-Aftersales-Event': delivery.event,
          'X-Aftersales-Delivery': delivery.id,
          'X-Aftersales-Timestamp': timestamp,
          'X-Aftersales-Signature': webhookSignature(String(config.secret), timestamp, body),
        });
      }
      case 'wecom': {
        // 企业微信 group robot: POST {"msgtype":"text","text":{"content":...}} to its webhook (key in the URL); errcode 0 is success.
        const url = await checkOutboundUrl(String(config.url), options.allowHosts);
        return robotAnswer(await post(url, JSON.stringify({ msgtype: 'text', text: { content: noticeText(delivery) } }), {}, true));
      }
      case 'dingtalk': {
        // 钉钉 group robot: the same text message; with a signing secret, the URL carries timestamp and sign.
        const base = await checkOutboundUrl(String(config.url), options.allowHosts);
        const url =
          typeof config.secret === 'string' && config.secret ? dingTalkSignedUrl(base, config.secret, options.now.getTime()) : base;
        return robotAnswer(await post(url, JSON.stringify({ msgtype: 'text', text: { content: noticeText(delivery) } }), {}, true));
      }
      case 'email': {
        const transport = nodemailer.createTransport({
          host: String(config.host),
          port: Number(config.port),
          secure: config.secure === true,
          ...(typeof config.user === 'string' && config.user
            ? { auth: { user: config.user, pass: typeof config.pass === 'string' ? config.pass : '' } }
            : {}),
          connectionTimeout: TIMEOUT_MS,
          socketTimeout: TIMEOUT_MS,
        });
        await transport.sendMail({
          from: String(config.from),
          to: (config.to as string[]).join(', '),
          subject: `【售后通知】${delivery.payload.notice.message['zh-CN'].slice(0, 60)}`,
          text: noticeText(delivery),
        });
        return { ok: true, status: null, error: null };
      }
    }
  } catch (error) {
    return { ok: false, status: null, error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
}

type Posted = SendResult & { json?: unknown };

async function post(url: URL, body: string, headers: Record<string, string>, readJson = false): Promise<Posted> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'aftersales-notices', ...headers },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = (await response.text()).slice(0, 2000);
  if (response.status >= 300 && response.status < 400) return { ok: false, status: response.status, error: 'redirect not followed' };
  if (!response.ok) return { ok: false, status: response.status, error: text.slice(0, 500) || response.statusText };
  let json: unknown;
  if (readJson)
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  return { ok: true, status: response.status, error: null, json };
}

/** Robots answer 200 with {"errcode":0} on success and another errcode with errmsg otherwise. */
function robotAnswer(posted: Posted): SendResult {
  if (!posted.ok) return posted;
  const answer = posted.json as { errcode?: number; errmsg?: string } | undefined;
  if (answer?.errcode === 0) return { ok: true, status: posted.status, error: null };
  return { ok: false, status: posted.status, error: `robot: ${answer?.errmsg ?? 'no errcode 0 in the answer'}` };
}
