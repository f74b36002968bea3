import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadValidatorRuntime, type RecordValidatorsModule } from '@aftersales/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, type Client, type TestServer } from '../testing/startTestServer.js';

// Issue 14, finding 1: a form author's regular expression must not freeze the server. The classic
// ReDoS patterns take exponential time in a backtracking engine on "aaaa…!" (seconds at 28
// characters, doubling with each one); the server matches them with RE2 (linear time).

let server: TestServer;
let integrator: Client;
let integratorKey: string;
let clerk: Client;
const dir = mkdtempSync(join(tmpdir(), 'redos-'));

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const EVIL_KEY = '^(a|a?)+$';
const evilForm = (patterns: { code: string; serial: string; key: string }) => ({
  $schema: './meta/form.schema.json',
  id: 'serial-check',
  title: t('序列号核对', 'Serial check'),
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    additionalProperties: false,
    properties: {
      code: { type: 'string', maxLength: 100, pattern: patterns.code, 'x-title': t('编码', 'Code') },
      serial: { type: 'string', maxLength: 100, pattern: patterns.serial, 'x-title': t('序列号', 'Serial') },
    },
    patternProperties: { [patterns.key]: { type: 'string', maxLength: 100 } },
  },
});

/** 30 "a"s and a "!": no match, after 2^30 steps of a backtracking engine. */
const evil = `${'a'.repeat(30)}!`;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.signIn('admin', server.adminPassword);
  integratorKey = (await admin('POST', '/api-keys', { name: 'integrator', scopes: ['definitions:write', 'definitions:read'] })).body
    .secret as string;
  integrator = client(server.url, { Authorization: `Bearer ${integratorKey}` });
  const created = await admin('POST', '/users', {
    username: 'clerk',
    displayName: 'clerk',
    password: 'clerk-password-123',
    roles: ['staff'],
    policyRoles: ['customerServiceClerk'],
  });
  expect(created.status).toBe(201);
  clerk = await server.signIn('clerk', 'clerk-password-123');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('regular expressions of published forms (ReDoS)', () => {
  it('when an integrator publishes a form with a lookahead or a backreference, then publishing is refused at that keyword, in both languages', async () => {
    const form = evilForm({ code: '^(?=.*\\d)\\w+$', serial: '^(\\w)\\1$', key: EVIL_KEY });
    expect((await integrator('POST', '/forms', { definition: form })).status).toBe(201);
    const published = await integrator('POST', '/forms/serial-check/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.error.details.map((d: { pointer: string; code: string }) => `${d.pointer} ${d.code}`)).toEqual([
      '/schema/properties/code/pattern form.patternLookaround',
      '/schema/properties/serial/pattern form.patternBackreference',
    ]);
    expect(published.body.error.details[0].messageZh).toContain('前瞻或后顾断言');
    expect((await integrator('GET', '/forms/serial-check')).body.published ?? null).toBeNull();
  });

  it('when staff submit "aaaa…!" to the classic ReDoS patterns, then each submission is answered and so is every other request meanwhile', async () => {
    const form = evilForm({ code: '^(a+)+$', serial: '^(a|aa)+$', key: EVIL_KEY });
    expect((await integrator('PUT', '/forms/serial-check/draft', { definition: form })).status).toBe(200);
    expect((await integrator('POST', '/forms/serial-check/publish', {})).status).toBe(200);

    const submit = (data: Record<string, string>) => clerk('POST', '/records', { form: 'serial-check', data });
    const submissions = [submit({ code: evil }), submit({ serial: evil }), submit({ [evil]: 'x' }), submit({ code: evil.slice(0, -1) })];
    const others = Array.from({ length: 10 }, () => clerk('GET', '/auth/me'));
    const [answers, meanwhile] = await Promise.all([Promise.all(submissions), Promise.all(others)]);

    expect(meanwhile.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 201]);
    const pointers = (r: (typeof answers)[number]) => r.body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers(answers[0]!)).toEqual(['/data/code']);
    expect(pointers(answers[1]!)).toEqual(['/data/serial']);
    expect(pointers(answers[2]!)).toEqual(['/data']);
  });

  it('when the staff browser loads the published validators, then they match those patterns with the linear engine too', async () => {
    const version = (await integrator('GET', '/forms/serial-check')).body.published.version as number;
    const source = await (
      await fetch(`${server.url}/api/v1/forms/serial-check/versions/${version}/validator.js?locale=en`, {
        headers: { Authorization: `Bearer ${integratorKey}` },
      })
    ).text();
    const file = join(dir, 'serial-check.mjs');
    writeFileSync(file, source);
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as RecordValidatorsModule;
    expect(module.requires).toEqual(expect.arrayContaining(['@aftersales/engine/linearRegExp', 're2js']));
    const validators = module.default(await loadValidatorRuntime(module.requires));
    const root = Object.values(validators).find((validate) => validate({ code: 'aaa' }) && !validate({ code: 1 }))!;
    // (10,000 characters also break maxLength; ajv reports every error, so the patterns run all the same.)
    const long = `${'a'.repeat(10_000)}!`;
    expect([root({ code: long }), root({ serial: long }), root({ [long]: 'x' }), root({ code: 'a'.repeat(100) })]).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('when a version published before patterns were checked holds a lookahead, then its records and validators answer 422, not 500', async () => {
    const old = { ...evilForm({ code: '^(?=a)a+$', serial: '^a$', key: '^b$' }), id: 'old-serial' };
    await server.services.store.publish(
      [{ kind: 'form', id: 'old-serial', definition: old, hash: 'old', clearDraft: false }],
      'admin',
      new Date().toISOString(),
    );
    const submitted = await clerk('POST', '/records', { form: 'old-serial', data: { code: 'aaa' } });
    expect(submitted.status).toBe(422);
    expect(submitted.body.error.message).toContain('lookahead');
    const module = await fetch(`${server.url}/api/v1/forms/old-serial/versions/1/validator.js?locale=en`, {
      headers: { Authorization: `Bearer ${integratorKey}` },
    });
    expect(module.status).toBe(422);
  });
});
