// A stand-in for @aftersales/server while its HTTP API is being written: the REST shape the
// designer's client expects (packages/designer/src/api), in memory, plus the built designer as
// static files. The browser test uses the real server as soon as it exports `createApp`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

interface Doc {
  id: string;
  kind: 'forms' | 'rule-sets';
  draft: unknown;
  versions: { version: number; definition: unknown; publishedAt: string; publishedBy: string; rolledBackFrom?: number }[];
  archived: boolean;
}

export interface StandInOptions {
  staticDir: string;
  users: { username: string; password: string; roles: string[] }[];
  seed: { forms?: unknown[]; ruleSets?: unknown[]; calendars?: unknown[]; roles?: unknown; records?: unknown[] };
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export async function startStandInServer(options: StandInOptions): Promise<RunningServer> {
  const docs = new Map<string, Doc>();
  const sessions = new Map<string, { username: string; roles: string[] }>();
  const records = [...((options.seed.records ?? []) as { id: string; form: string }[])];
  const key = (kind: Doc['kind'], id: string) => `${kind}:${id}`;
  const publish = (doc: Doc, definition: unknown, by: string, extra: { rolledBackFrom?: number } = {}) => {
    const version = (doc.versions.at(-1)?.version ?? 0) + 1;
    doc.versions.push({ version, definition, publishedAt: new Date().toISOString(), publishedBy: by, ...extra });
    return version;
  };
  for (const [kind, list] of [
    ['forms', options.seed.forms ?? []],
    ['rule-sets', options.seed.ruleSets ?? []],
  ] as const) {
    for (const definition of list) {
      const id = (definition as { id: string }).id;
      const doc: Doc = { id, kind, draft: null, versions: [], archived: false };
      publish(doc, definition, 'seed');
      docs.set(key(kind, id), doc);
    }
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string) => send(status, { error: { code, message } });
    if (!url.pathname.startsWith('/api/')) return serveStatic(options.staticDir, url.pathname, res);
    const body = await readBody(req);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const user = sessions.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));

    if (path === '/auth/login' && req.method === 'POST') {
      const { username, password } = body as { username?: string; password?: string };
      const found = options.users.find((u) => u.username === username && u.password === password);
      if (!found) return fail(401, 'auth.badCredentials', 'wrong user name or password');
      const token = randomUUID();
      sessions.set(token, { username: found.username, roles: found.roles });
      return send(200, { token, user: { username: found.username, roles: found.roles } });
    }
    if (!user) return fail(401, 'auth.required', 'sign in first');
    if (path === '/auth/me') return send(200, { user });
    if (path === '/auth/logout') return send(204);
    if (path === '/calendars') return send(200, { items: options.seed.calendars ?? [] });
    if (path === '/roles') return send(200, options.seed.roles ?? { roles: [] });
    if (path === '/records' && req.method === 'POST') {
      const { form, data } = body as { form: string; data: unknown };
      const doc = docs.get(key('forms', form));
      const version = doc?.versions.at(-1);
      if (!version) return fail(404, 'notFound', form);
      const initial = (version.definition as { statusFlow?: { initial: string } }).statusFlow?.initial;
      const record = {
        id: `r${records.length + 1}`,
        form,
        formVersion: version.version,
        status: initial,
        data,
        createdAt: new Date().toISOString(),
      };
      records.push(record);
      return send(201, record);
    }
    if (path === '/records') {
      const form = url.searchParams.get('form');
      return send(200, { items: records.filter((r) => r.form === form).reverse() });
    }

    const match = /^\/(forms|rule-sets)(?:\/([^/]+))?(?:\/(draft|publish|archive|versions|rollback))?(?:\/(\d+))?$/.exec(path);
    if (!match) return fail(404, 'notFound', path);
    const kind = match[1] as Doc['kind'];
    const id = match[2] ? decodeURIComponent(match[2]) : undefined;
    const action = match[3];
    if (!id) {
      if (req.method === 'POST') {
        const definition = (body as { definition: { id: string } }).definition;
        if (docs.has(key(kind, definition.id))) return fail(409, 'conflict', 'id taken');
        docs.set(key(kind, definition.id), { id: definition.id, kind, draft: definition, versions: [], archived: false });
        return send(201, { id: definition.id });
      }
      const archived = url.searchParams.get('archived') === 'true';
      const form = url.searchParams.get('form');
      const items = [...docs.values()]
        .filter((d) => d.kind === kind && (archived || !d.archived))
        .map((d) => {
          const current = (d.draft ?? d.versions.at(-1)?.definition) as { title: unknown; form?: string };
          return {
            id: d.id,
            title: current.title,
            form: current.form,
            publishedVersion: d.versions.at(-1)?.version ?? null,
            hasDraft: d.draft !== null,
            archived: d.archived,
          };
        })
        .filter((d) => !form || d.form === form);
      return send(200, { items });
    }
    const doc = docs.get(key(kind, id));
    if (!doc) return fail(404, 'notFound', id);
    const latest = doc.versions.at(-1);
    if (!action)
      return send(200, {
        id,
        published: latest ?? null,
        draft: doc.draft === null ? null : { definition: doc.draft },
        archived: doc.archived,
      });
    if (action === 'draft' && req.method === 'PUT') {
      doc.draft = (body as { definition: unknown }).definition;
      return send(200, { ok: true });
    }
    if (action === 'draft' && req.method === 'DELETE') {
      doc.draft = null;
      return send(204);
    }
    if (action === 'publish') {
      if (doc.draft === null) return fail(409, 'noDraft', 'nothing to publish');
      const version = publish(doc, doc.draft, user.username);
      doc.draft = null;
      return send(200, { version });
    }
    if (action === 'archive') {
      doc.archived = true;
      return send(200, { ok: true });
    }
    if (action === 'versions' && match[4]) {
      const v = doc.versions.find((x) => x.version === Number(match[4]));
      return v ? send(200, v) : fail(404, 'notFound', 'version');
    }
    if (action === 'versions') return send(200, { items: doc.versions.map(({ definition: _d, ...info }) => info) });
    if (action === 'rollback') {
      const target = doc.versions.find((x) => x.version === (body as { version: number }).version);
      if (!target) return fail(404, 'notFound', 'version');
      return send(200, { version: publish(doc, target.definition, user.username, { rolledBackFrom: target.version }) });
    }
    return fail(404, 'notFound', path);
  };

  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

async function serveStatic(dir: string, pathname: string, res: ServerResponse): Promise<void> {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [join(dir, safe), join(dir, 'index.html')]) {
    try {
      const data = await readFile(candidate);
      res.writeHead(200, { 'Content-Type': TYPES[extname(candidate)] ?? 'application/octet-stream' });
      res.end(data);
      return;
    } catch {
      // next candidate (SPA fallback)
    }
  }
  res.writeHead(404);
  res.end();
}
