import { components, type Endpoint, type TSchema } from '@aftersales/contract';
import { bodySchemas } from './schemas.js';
import type { Route } from './Route.js';

const names = new Map<unknown, string>(Object.entries(components).map(([name, schema]) => [schema, name]));
/** A schema of the document, as plain JSON: each part that is one of the named components becomes a reference to it. */
const schemaOf = (schema: unknown, top: unknown = null): unknown => {
  const name = schema !== top ? names.get(schema) : undefined;
  if (name) return { $ref: `#/components/schemas/${name}` };
  if (Array.isArray(schema)) return schema.map((item) => schemaOf(item, top));
  if (schema && typeof schema === 'object')
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, schemaOf(value, top)]));
  return schema;
};
const refOrInline = (schema: TSchema) => schemaOf(schema);
const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
type ObjectSchema = { properties?: Record<string, TSchema>; required?: string[] } | undefined;
const propertiesOf = (schema: unknown): [string, TSchema][] => Object.entries((schema as ObjectSchema)?.properties ?? {});
const requiredOf = (schema: unknown) => new Set((schema as ObjectSchema)?.required ?? []);

/** The success answer of a route: its declared schema, a file, nothing (204), or (routes not in the contract yet) undescribed. */
function successOf(route: Route, endpoint: Endpoint | undefined) {
  if (!endpoint) return { description: 'Success (not described yet: this route declares no contract endpoint)' };
  if (endpoint.file)
    return {
      description: 'A file',
      content: Object.fromEntries(endpoint.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    };
  if (!endpoint.response) return { description: 'Done, no content' };
  const json = { 'application/json': { schema: refOrInline(endpoint.response) } };
  const lines = endpoint.stream ? { 'application/x-ndjson': { schema: refOrInline(endpoint.stream) } } : {};
  return { description: route.summary, content: { ...json, ...lines } };
}

/**
 * The OpenAPI 3.1 document of the route table: paths, access (roles and API-key scopes), and the
 * request and answer schemas of each route's contract endpoint, from the same JSON Schemas that
 * validate requests; every route's errors in the one error shape.
 */
export function openApiDocument(routes: Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const endpoint = route.endpoint;
    const pathSchemas = new Map(propertiesOf(endpoint?.params));
    const queryRequired = requiredOf(endpoint?.query);
    const parameters = [
      ...[...route.path.matchAll(/:(\w+)/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: plain(pathSchemas.get(m[1]!) ?? { type: 'string' }),
      })),
      ...(endpoint
        ? propertiesOf(endpoint.query).map(([name, schema]) => ({
            name,
            in: 'query',
            required: queryRequired.has(name),
            schema: plain(schema),
          }))
        : Object.entries(route.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))),
    ];
    const body = endpoint?.body
      ? { required: true, content: { 'application/json': { schema: refOrInline(endpoint.body) } } }
      : route.body
        ? { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}` } } } }
        : undefined;
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
      ...(body ? { requestBody: body } : {}),
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
        [String(route.status ?? 200)]: successOf(route, endpoint),
        '4XX': {
          description:
            'Bad input (400, with a pointer per problem in details), not signed in (401), not allowed (403), not found (404), a conflict (409), too large (413), refused by the policy (422), too many requests (429)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        '5XX': {
          description: 'A fault of the server',
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
        ...plain(bodySchemas),
        ...Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, plain(schemaOf(schema, schema))])),
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
      const schema = r.endpoint?.body ?? (r.body ? bodySchemas[r.body] : undefined);
      const name = (r.endpoint?.body && names.get(r.endpoint.body)) ?? r.body ?? 'body';
      const body = schema
        ? `<details><summary>${escape(name)}</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`
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
