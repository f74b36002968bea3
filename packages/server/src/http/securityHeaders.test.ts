import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './createApp.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A server with a stand-in built designer (an index.html) and the given trust proxy setting. */
async function serve(trustProxy: false | string[] = false): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aftersales-headers-'));
  const staticDir = join(dir, 'dist');
  const store = new SqliteStore(join(dir, 'data'));
  const { app, services } = createApp({ store, config: { staticDir: (writeIndex(staticDir), staticDir), trustProxy } });
  await services.auth.bootstrapAdmin('admin-password-for-tests');
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function writeIndex(staticDir: string): void {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
}

const directive = (csp: string | null, name: string) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('securityHeaders', () => {
  it('when any page is served (designer, staff, API reference, an error), then it has a CSP whose scripts come from this server only', async () => {
    const url = await serve();
    for (const path of ['/', '/admin/forms', '/staff', '/staff/records/1', '/api/docs', '/api/v1/no-such-route', '/login']) {
      const response = await fetch(url + path);
      const csp = response.headers.get('content-security-policy');
      const scripts = directive(csp, 'script-src')!;
      expect({ path, scripts: scripts.replace(" 'unsafe-eval'", '') }).toEqual({ path, scripts: "script-src 'self'" });
      expect(scripts).not.toContain('unsafe-inline');
      expect(directive(csp, 'object-src')).toBe("object-src 'none'");
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Staff pages, the API reference and errors: not even eval.
    for (const path of ['/staff', '/staff/records/1', '/api/docs', '/api/v1/no-such-route'])
      expect(directive((await fetch(url + path)).headers.get('content-security-policy'), 'script-src')).toBe("script-src 'self'");
  });

  it('when the API reference page is read, then it has no inline script', async () => {
    const url = await serve();
    const html = await (await fetch(`${url}/api/docs`)).text();
    expect(html).not.toMatch(/<script|on\w+=/i);
  });

  it("when the designer's index.html is read (source, and the build when present), then every script is an external file", () => {
    const designer = fileURLToPath(new URL('../../../designer/', import.meta.url));
    for (const file of [join(designer, 'index.html'), join(designer, 'dist/index.html')].filter(existsSync)) {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) expect(tag).toMatch(/\ssrc="[^"]+"[^>]*><\/script>$/);
      expect(html).not.toMatch(/\son\w+=/i);
    }
  });

  it('when the server is reached over plain http, then no HSTS and the session cookie is not Secure; X-Forwarded-Proto from an untrusted client is ignored', async () => {
    const url = await serve(false);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ username: 'admin', password: 'admin-password-for-tests' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('strict-transport-security')).toBeNull();
    expect(login.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });

  it('when a trusted proxy says the request came over https, then HSTS is sent and the session cookie is Secure', async () => {
    const url = await serve(['loopback']);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ username: 'admin', password: 'admin-password-for-tests' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    expect(login.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect((await fetch(`${url}/`, { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('strict-transport-security')).not.toBeNull();
    expect((await fetch(`${url}/`)).headers.get('strict-transport-security')).toBeNull();
  });
});
