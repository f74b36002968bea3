import { actorOf, maySee, recordScope, type Principal } from '../../services/Principal.js';
import { AppError } from '../../errors/AppError.js';
import { editorOf } from '../../services/records/Editor.js';
import type { Access, Route } from '../Route.js';
import { queryEnum, queryInt, queryString } from '../query.js';
import type { Services } from './Services.js';

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:read' };
const WRITE: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:write' };

/** Records: create, update, move along the status flow, list with filters, history. */
export function recordRoutes(services: Services): Route[] {
  const { records } = services;
  /** A record the caller may see (others are "not found", so ids cannot be probed). */
  const visible = async (id: string, principal: Principal) => {
    const record = await records.stored(id);
    if (!maySee(principal, record)) throw new AppError('not_found', `record "${id}" does not exist`);
    return record;
  };
  return [
    {
      method: 'get',
      path: '/records',
      access: READ,
      summary:
        'List records, each with its deadlines (filters: form, status, deadline, assignee, person, mine=1, store, from, to; paging: limit, offset)',
      handler: async ({ req, principal }) => {
        const scope = recordScope(principal);
        const mine = queryEnum(req, 'mine', ['1', 'true'] as const) ? actorOf(principal) : undefined;
        const filter = {
          limit: queryInt(req, 'limit', 50, { min: 1, max: 500 }),
          offset: queryInt(req, 'offset', 0, { min: 0, max: 1_000_000 }),
          ...optional('formId', queryString(req, 'form')),
          ...optional('status', queryString(req, 'status')),
          ...optional('deadlineState', queryEnum(req, 'deadline', ['open', 'met', 'breached'] as const)),
          ...optional('assignee', queryString(req, 'assignee')),
          ...optional('store', queryString(req, 'store')),
          ...optional('createdFrom', queryString(req, 'from')),
          ...optional('createdTo', queryString(req, 'to')),
          ...optional('person', mine ?? queryString(req, 'person')),
          ...optional('visibleTo', scope ?? undefined),
        };
        return { ...(await records.listWithDeadlines(filter)), now: services.clock().toISOString() };
      },
    },
    {
      method: 'post',
      path: '/records',
      access: WRITE,
      summary:
        'Create a record: validated, evaluated, stored with its outcome and explanation; answers the record with its outcome, status moves and deadline rows (the explanation: GET /records/:id)',
      body: 'RecordCreate',
      status: 201,
      handler: async ({ req, principal }) => {
        const body = req.body as { form: string; data: unknown; store?: string; assignee?: string };
        const { record, written } = await records.create(body.form, body.data, actorOf(principal), {
          store: body.store ?? null,
          assignee: body.assignee ?? null,
          editor: editorOf(principal),
        });
        return records.present(record, { written });
      },
    },
    {
      method: 'get',
      path: '/records/:id',
      access: READ,
      summary: 'A record with its outcome, explanation, deadline rows (now: the server clock) and the status moves open to it',
      handler: async ({ req, principal }) => records.present(await visible(String(req.params.id), principal), { explain: true }),
    },
    {
      method: 'put',
      path: '/records/:id',
      access: WRITE,
      summary: 'Replace the data (rev: the revision read; a stale one is a 409); answers like the create',
      body: 'RecordUpdate',
      handler: async ({ req, principal }) => {
        const body = req.body as { data: unknown; rev: number };
        await visible(String(req.params.id), principal);
        return records.present(await records.update(String(req.params.id), body.data, body.rev, actorOf(principal), editorOf(principal)));
      },
    },
    {
      method: 'post',
      path: '/records/:id/transitions',
      access: WRITE,
      summary: 'Move the record to another status (refused while an approval or block guards it); answers like the create',
      body: 'Transition',
      handler: async ({ req, principal }) => {
        await visible(String(req.params.id), principal);
        return records.present(await records.transition(String(req.params.id), (req.body as { to: string }).to, actorOf(principal)));
      },
    },
    {
      method: 'get',
      path: '/records/:id/history',
      access: READ,
      summary: 'Audit log of the record: who, when, before and after',
      handler: async ({ req, principal }) => {
        await visible(String(req.params.id), principal);
        return { items: await services.store.listAudit({ entity: 'record', entityId: String(req.params.id), limit: 200 }) };
      },
    },
    {
      method: 'post',
      path: '/evaluate',
      access: READ,
      summary: 'Evaluate a record against the published policy without storing it (test bench)',
      body: 'Evaluate',
      handler: async ({ req }) => {
        const body = req.body as { form: string; data: unknown; now?: string; status?: string };
        const pins = await services.definitions.currentPins(body.form);
        const policy = await services.definitions.policyFor(body.form, pins);
        return policy.evaluate(body.data, {
          now: body.now ?? services.clock().toISOString(),
          ...(body.status ? { status: body.status } : {}),
        });
      },
    },
  ];
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
