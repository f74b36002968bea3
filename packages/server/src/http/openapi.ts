import { bodySchemas } from './schemas.js';
import type { Route } from './Route.js';

/**
 * The OpenAPI 3.1 document of the route table: paths, access (roles and API-key scopes) and the
 * request bodies, from the same JSON Schemas that validate requests.
 */
export function openApiDocument(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(route.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ];
    const access = route.access.public
      ? 'public'
      : [
          route.access.roles?.length ? `roles: ${route.access.roles.join(', ')}` : '',
          route.access.scope ? `API key scope: ${route.access.scope}` : '',
        ]
          .filter(Boolean)
          .join('; ');
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      description: `Access: ${access}.`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}` } } } } }
        : {}),
      ...(route.upload
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(route.upload.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
            },
          }
        : {}),
      ...(route.access.public ? { security: [] } : route.access.scope ? {} : { security: [{ session: [] }] }),
      responses: {
        [String(route.status ?? 200)]: { description: 'Success' },
        '4XX': {
          description: 'Bad input or not allowed',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'After-sales Policy Studio API',
      version: '1',
      description: 'Forms, rules, records, approvals, deadlines and fines. JSON under /api/v1.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: {
        ...bodySchemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                messageZh: { type: 'string', description: 'the message in Chinese, where the UI shows it to people' },
                retryAfterSeconds: { type: 'integer', description: 'with 429 (too many sign-in attempts): as the Retry-After header' },
                details: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      pointer: { type: 'string' },
                      line: { type: 'integer' },
                      column: { type: 'integer' },
                      code: { type: 'string' },
                      message: { type: 'string' },
                      messageZh: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'aftersales_session' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'Integrator API key (ak_...)' },
      },
    },
    security: [{ session: [] }, { apiKey: [] }],
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A browsable reference page of the same document (no external assets). */
export function apiReferencePage(routes: Route[]): string {
  const rows = routes
    .map((r) => {
      const access = r.access.public
        ? 'public'
        : [...(r.access.roles ?? []), ...(r.access.scope ? [`key: ${r.access.scope}`] : [])].join(', ');
      const body = r.body
        ? `<details><summary>${escape(r.body)}</summary><pre>${escape(JSON.stringify(bodySchemas[r.body], null, 2))}</pre></details>`
        : '';
      return `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>/api/v1${escape(r.path)}</code></td><td>${escape(r.summary)}${body}</td><td>${escape(access)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>After-sales Policy Studio API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1f1f1f}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e5e5;padding:.4rem;text-align:left;vertical-align:top}code{font-size:13px}pre{background:#f6f6f6;padding:.5rem;overflow:auto}</style>
</head><body><h1>After-sales Policy Studio API</h1>
<p>JSON under <code>/api/v1</code>. Browsers sign in with <code>POST /api/v1/auth/login</code> (session cookie); integrators send <code>Authorization: Bearer ak_…</code>. Errors: <code>{"error":{"code","message","details":[{"pointer","line","column","message"}]}}</code>. Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Who may call</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
