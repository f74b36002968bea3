/** JSON Schemas of request bodies: they validate requests and are the source of the OpenAPI document. */
const text = (maxLength = 200) => ({ type: 'string', minLength: 1, maxLength });
const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

export const bodySchemas = {
  Login: object({ username: text(100), password: { type: 'string', minLength: 1, maxLength: 500 } }, ['username', 'password']),
  Definition: object({ definition: { type: 'object' }, note: text(500) }, ['definition']),
  Publish: object({ note: text(500) }),
  Rollback: object({ version: { type: 'integer', minimum: 1 } }, ['version']),
  Archive: object({ archived: { type: 'boolean' } }),
  RecordCreate: object({ form: text(100), data: { type: 'object' }, store: text(100), assignee: text(100) }, ['form', 'data']),
  RecordUpdate: object({ data: { type: 'object' }, rev: { type: 'integer', minimum: 1 } }, ['data', 'rev']),
  Transition: object({ to: text(100) }, ['to']),
  ChannelCreate: object(
    {
      store: text(100),
      kind: { enum: ['webhook', 'wecom', 'dingtalk', 'email'] },
      name: text(100),
      events: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['record', 'approval', 'deadline', 'fine'] } },
      config: object({
        url: { type: 'string', minLength: 1, maxLength: 2000 },
        secret: { type: 'string', maxLength: 200 },
        host: text(253),
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        secure: { type: 'boolean' },
        user: text(200),
        pass: { type: 'string', maxLength: 200 },
        from: text(200),
        to: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', format: 'email', maxLength: 200 } },
      }),
    },
    ['store', 'kind', 'name', 'events', 'config'],
  ),
  Dispatch: object({ assignee: text(100), rev: { type: 'integer', minimum: 1 } }, ['assignee', 'rev']),
  Withdrawal: object({ reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } }, ['reason']),
  Decision: object({ decision: { enum: ['approve', 'reject'] }, comment: { type: 'string', maxLength: 2000 } }, ['decision']),
  Push: object(
    {
      files: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: object({ path: text(500), content: { type: 'string', maxLength: 1_048_576 } }, ['path', 'content']),
      },
      dryRun: { type: 'boolean' },
      note: text(500),
    },
    ['files'],
  ),
  Evaluate: object({ form: text(100), data: { type: 'object' }, now: { type: 'string', format: 'date-time' }, status: text(100) }, [
    'form',
    'data',
  ]),
  UserCreate: object(
    {
      username: { type: 'string', pattern: '^[A-Za-z0-9._-]{2,50}$' },
      displayName: text(100),
      password: { type: 'string', minLength: 10, maxLength: 500 },
      roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['admin', 'manager', 'staff'] } },
      policyRoles: { type: 'array', uniqueItems: true, maxItems: 50, items: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' } },
      stores: { type: 'array', uniqueItems: true, maxItems: 50, items: text(100) },
    },
    ['username', 'displayName', 'password', 'roles'],
  ),
  UserUpdate: object(
    {
      displayName: text(100),
      password: { type: 'string', minLength: 10, maxLength: 500 },
      roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['admin', 'manager', 'staff'] } },
      policyRoles: { type: 'array', uniqueItems: true, maxItems: 50, items: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' } },
      stores: { type: 'array', uniqueItems: true, maxItems: 50, items: text(100) },
    },
    [],
  ),
  CalendarPreview: object({ definition: { type: 'object' } }),
  // impact: a draft replayed over the stored history (services/impact)
  Impact: object(
    {
      draft: object(
        {
          kind: { enum: ['ruleset', 'calendar', 'form', 'pack'] },
          id: text(200),
          definition: { type: 'object' },
          files: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: object({ path: text(500), content: { type: 'string', maxLength: 1_048_576 } }, ['path', 'content']),
          },
        },
        ['kind'],
      ),
      since: { type: 'string', pattern: '^(all|[0-9]{1,5}d)$' },
    },
    ['draft'],
  ),
  FineCorrection: object({ reason: text(500), amount: { type: 'number', minimum: 0, maximum: 1_000_000, multipleOf: 0.01 } }, ['reason']),
  ApiKeyCreate: object(
    {
      name: text(100),
      scopes: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: ['definitions:read', 'definitions:write', 'records:read', 'records:write'] },
      },
    },
    ['name', 'scopes'],
  ),
} as const;

export type BodySchemaName = keyof typeof bodySchemas;

/** Query parameters of a paged list (keyset paging: pass the answer's `nextCursor` as `cursor` for the next page). */
export const pageQuery = (defaultLimit: number) => ({
  limit: { type: 'integer', minimum: 1, maximum: 500, default: defaultLimit, description: 'rows per page' },
  cursor: { type: 'string', maxLength: 1000, description: 'the nextCursor of the previous page (opaque); absent: the first page' },
});
