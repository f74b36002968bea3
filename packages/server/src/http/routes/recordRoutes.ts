import { actorOf, maySee, recordScope, type Principal } from '../../services/Principal.js';
import { AppError } from '../../errors/AppError.js';
import { recordDateFilter, storeTimeZone } from '../../services/recordDateFilter.js';
import { editorOf } from '../../services/records/Editor.js';
import type { Access, Route } from '../Route.js';
import { encodeCursor, queryCursor } from '../cursor.js';
import { queryEnum, queryInt, queryString } from '../query.js';
import { pageQuery } from '../schemas.js';
import type { Services } from './Services.js';
import { storeNamedIn } from '../../services/people/PeopleDirectory.js';

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
        "List records, newest first, each with its deadlines (filters: form, status, deadline, assignee, person, mine=1, store; from, to: local dates of the store's time zone, of the creation or of the form's date field dateField; q: words to find — ticket no., customer phone or name, technician —, each of 3 characters or more anywhere in a value, of 1-2 at the start of a word); a page of `limit` (1-500, 50) with the `nextCursor` to pass as `cursor`, and the total counted up to 10,000 (`totalCapped`: there are more)",
      query: {
        ...pageQuery(50),
        q: { type: 'string', maxLength: 200, description: 'search words' },
      },
      handler: async ({ req, principal }) => {
        const after = queryCursor(req, 2) as [string, string] | undefined;
        const scope = recordScope(principal);
        const formId = queryString(req, 'form');
        const pack = await services.definitions.publishedPack();
        const dates = recordDateFilter(
          {
            from: queryString(req, 'from') || undefined,
            to: queryString(req, 'to') || undefined,
            dateField: queryString(req, 'dateField') || undefined,
          },
          { form: formId ? (pack.forms.get(formId)?.definition ?? null) : null, timeZone: storeTimeZone(pack, formId) },
        );
        const mine = queryEnum(req, 'mine', ['1', 'true'] as const) ? actorOf(principal) : undefined;
        // A person filter reads the names people see: a display name means that user.
        const personText = queryString(req, 'person');
        const person = mine ?? (personText ? (await services.people.usernamesFor(personText))[0] : undefined);
        const assigneeText = queryString(req, 'assignee');
        const assignee = assigneeText ? (await services.people.usernamesFor(assigneeText))[0] : undefined;
        const filter = {
          limit: queryInt(req, 'limit', 50, { min: 1, max: 500 }),
          ...optional('formId', queryString(req, 'form')),
          ...optional('status', queryString(req, 'status')),
          ...optional('deadlineState', queryEnum(req, 'deadline', ['open', 'met', 'breached'] as const)),
          ...optional('assignee', assignee),
          ...optional('store', queryString(req, 'store')),
          ...dates,
          ...optional('person', person),
          ...optional('visibleTo', scope ?? undefined),
          ...optional('search', queryString(req, 'q', { maxLength: 200 })?.trim() || undefined),
          ...optional('after', after),
        };
        const page = await records.listWithDeadlines(filter);
        const last = page.items.at(-1);
        const nextCursor = last && page.more ? encodeCursor([last.createdAt, last.id]) : null;
        return { total: page.total, totalCapped: page.capped, items: page.items, nextCursor, now: services.clock().toISOString() };
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
        const scope = recordScope(principal);
        // The record's store: as given, or the form's store field when it names a store people belong to.
        const form = (await services.definitions.publishedPack()).forms.get(body.form)?.definition;
        const fromData = body.store === undefined && form ? await storeNamedIn(services.people, form, body.data) : undefined;
        const store = body.store ?? fromData;
        if (scope && store !== undefined && !scope.stores.includes(store))
          throw new AppError('forbidden', `you do not belong to store "${store}"`, {
            messageZh: `你不属于门店“${store}”，不能为其创建记录`,
            details: [
              { pointer: fromData ? '/data/store' : '/store', message: `one of your stores: ${scope.stores.join(', ') || 'none'}` },
            ],
          });
        const { record, written } = await records.create(body.form, body.data, actorOf(principal), {
          store: store ?? null,
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
      summary:
        'Audit log of the record: who, when, before and after; newest first, a page of `limit` (1-500, 200) with the `nextCursor` to pass as `cursor`',
      query: pageQuery(200),
      handler: async ({ req, principal }) => {
        await visible(String(req.params.id), principal);
        const limit = queryInt(req, 'limit', 200, { min: 1, max: 500 });
        const after = queryCursor(req, 1);
        if (after && !Number.isInteger(after[0]))
          throw new AppError('bad_request', 'query parameter "cursor" is not a cursor of this list; start from the first page', {
            messageZh: '分页位置无效，请从第一页重新开始',
            details: [{ pointer: '/query/cursor', message: 'invalid cursor' }],
          });
        const items = await services.store.listAudit({
          entity: 'record',
          entityId: String(req.params.id),
          limit: limit + 1,
          ...(after ? { beforeId: after[0] as number } : {}),
        });
        const page = items.slice(0, limit);
        return { items: page, nextCursor: items.length > limit ? encodeCursor([page.at(-1)!.id]) : null };
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
