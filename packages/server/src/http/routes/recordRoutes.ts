import { actorOf, maySee, recordScope, type Principal } from '../../services/Principal.js';
import { domainDetail } from '../../errors/domainDetail.js';
import { DomainError } from '../../errors/DomainError.js';
import { recordDateFilter, storeTimeZone } from '../../services/recordDateFilter.js';
import { editorOf } from '../../services/records/Editor.js';
import { api } from '@aftersales/contract';
import type { Access, Route } from '../Route.js';
import { badCursor, encodeCursor, queryCursor } from '../cursor.js';
import { route } from '../typedRoute.js';
import { allows } from '../allows.js';
import { FINES_LEDGER } from './finesLedgerAccess.js';
import type { Services } from './Services.js';
import { storeNamedIn } from '../../services/people/PeopleDirectory.js';

const endpoints = api.records;

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:read' };
const WRITE: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:write' };

/** Records: create, update, move along the status flow, list with filters, history. */
export function recordRoutes(services: Services): Route[] {
  const { records } = services;
  /** A record the caller may see (others are "not found", so ids cannot be probed). */
  const visible = async (id: string, principal: Principal) => {
    const record = await records.stored(id);
    if (!maySee(principal, record)) throw new DomainError('record.notFound', { id });
    return record;
  };
  return [
    route(endpoints.listRecords, {
      access: READ,
      summary:
        "List records, newest first, each with its deadlines (filters: form, status, deadline, assignee, person, mine=1, store; from, to: local dates of the store's time zone, of the creation or of the form's date field dateField; q: words to find — ticket no., customer phone or name, technician —, each of 3 characters or more anywhere in a value, of 1-2 at the start of a word); a page of `limit` (1-500, 50) with the `nextCursor` to pass as `cursor`, and the total counted up to 10,000 (`totalCapped`: there are more)",
      handler: async ({ query, principal }) => {
        const after = queryCursor(query.cursor, 2) as [string, string] | undefined;
        const scope = recordScope(principal);
        const formId = query.form;
        const pack = await services.definitions.publishedPack();
        const dates = recordDateFilter(
          {
            from: query.from || undefined,
            to: query.to || undefined,
            dateField: query.dateField || undefined,
          },
          { form: formId ? (pack.forms.get(formId)?.definition ?? null) : null, timeZone: storeTimeZone(pack, formId) },
        );
        const mine = query.mine ? actorOf(principal) : undefined;
        // A person filter reads the names people see: a display name means that user.
        const person = mine ?? (query.person ? (await services.people.usernamesFor(query.person))[0] : undefined);
        const assignee = query.assignee ? (await services.people.usernamesFor(query.assignee))[0] : undefined;
        const filter = {
          limit: query.limit ?? 50,
          ...optional('formId', query.form),
          ...optional('status', query.status),
          ...optional('deadlineState', query.deadline),
          ...optional('assignee', assignee),
          ...optional('store', query.store),
          ...dates,
          ...optional('person', person),
          ...optional('visibleTo', scope ?? undefined),
          ...optional('search', query.q?.trim() || undefined),
          ...optional('after', after),
        };
        const page = await records.listWithDeadlines(filter);
        const last = page.items.at(-1);
        const nextCursor = last && page.more ? encodeCursor([last.createdAt, last.id]) : null;
        return { total: page.total, totalCapped: page.capped, items: page.items, nextCursor, now: services.clock().toISOString() };
      },
    }),
    route(endpoints.createRecord, {
      access: WRITE,
      summary:
        'Create a record: validated, evaluated, stored with its outcome and explanation; answers the record with its outcome, status moves and deadline rows (the explanation: GET /records/:id)',
      handler: async ({ body, principal }) => {
        const scope = recordScope(principal);
        // The record's store: as given, or the form's store field when it names a store people belong to.
        const form = (await services.definitions.publishedPack()).forms.get(body.form)?.definition;
        const fromData = body.store === undefined && form ? await storeNamedIn(services.people, form, body.data) : undefined;
        const store = body.store ?? fromData;
        if (scope && store !== undefined && !scope.stores.includes(store))
          throw new DomainError(
            'record.notInStore',
            { store },
            {
              details: [domainDetail(fromData ? '/data/store' : '/store', 'detail.yourStores', { stores: scope.stores.join(', ') || '—' })],
            },
          );
        const { record, written } = await records.create(body.form, body.data, actorOf(principal), {
          store: store ?? null,
          assignee: body.assignee ?? null,
          editor: editorOf(principal),
        });
        return records.present(record, { written });
      },
    }),
    route(endpoints.getRecord, {
      access: READ,
      summary: 'A record with its outcome, explanation, deadline rows (now: the server clock) and the status moves open to it',
      handler: async ({ params, principal }) => records.present(await visible(params.id, principal), { explain: true }),
    }),
    route(endpoints.updateRecord, {
      access: WRITE,
      summary: 'Replace the data (rev: the revision read; a stale one is a 409); answers like the create',
      handler: async ({ params, body, principal }) => {
        await visible(params.id, principal);
        return records.present(await records.update(params.id, body.data, body.rev, actorOf(principal), editorOf(principal)));
      },
    }),
    route(endpoints.transitionRecord, {
      access: WRITE,
      summary:
        'Move the record to another status (refused while an approval or block guards it); a move that stamps a field fills it with the server time when empty, checked like an edit; answers like the create',
      handler: async ({ params, body, principal }) => {
        await visible(params.id, principal);
        return records.present(await records.transition(params.id, body.to, actorOf(principal), editorOf(principal)));
      },
    }),
    route(endpoints.recordHistory, {
      access: READ,
      summary:
        "Audit log of the record: who, when, before and after, with its approvals' entries (entity `approval`: asked, approved, rejected, withdrawn, escalated; `after` holds the approver role, the reason and the comment) and, for those who may read the fines ledger (managers, admins, API keys), its fines' (entity `fine`: fine waived, fine corrected; `entityId` the fine reversed, `before.amount` its amount, `after` the amount now and the reason); newest first, a page of `limit` (1-500, 200) with the `nextCursor` to pass as `cursor` and the `total` (counted up to 10,000; `totalCapped`: more)",
      handler: async ({ params, query, principal }) => {
        await visible(params.id, principal);
        const limit = query.limit ?? 200;
        const after = queryCursor(query.cursor, 1);
        if (after && !Number.isInteger(after[0])) throw badCursor();
        const page = await services.store.pageAudit({
          recordId: params.id,
          // Its fines' waivers and corrections, for those the fines ledger is for: left out by the store, so pages and total stay exact.
          ...(allows(principal, FINES_LEDGER) ? {} : { exceptEntities: ['fine'] as const }),
          limit,
          ...(after ? { after: [after[0] as number] as [number] } : {}),
        });
        const last = page.items.at(-1);
        return {
          items: page.items,
          total: page.total,
          totalCapped: page.capped ?? false,
          nextCursor: page.more && last ? encodeCursor([last.id]) : null,
        };
      },
    }),
    route(endpoints.evaluate, {
      access: READ,
      summary: 'Evaluate a record against the published policy without storing it (test bench)',
      handler: async ({ body }) => {
        const pins = await services.definitions.currentPins(body.form);
        const policy = await services.definitions.policyFor(body.form, pins);
        return policy.evaluate(body.data, {
          now: body.now ?? services.clock().toISOString(),
          ...(body.status ? { status: body.status } : {}),
        });
      },
    }),
  ];
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
