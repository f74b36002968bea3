import { api } from '@aftersales/contract';
import { DomainError } from '../../errors/DomainError.js';
import { actorOf, maySee, recordScope } from '../../services/Principal.js';
import type { AssignedCursor } from '../../store/assignedRecords.js';
import { badCursor, encodeCursor, queryCursor } from '../cursor.js';
import type { Access, Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

const endpoints = api.fieldwork;
const SIGNED_IN: Access = { roles: ['admin', 'manager', 'staff'] };
const WRITE: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:write' };
const ADMINS: Access = { roles: ['admin'] };

/** Field work: the people and stores person and store fields pick from, dispatch, my jobs. */
export function fieldworkRoutes(services: Services): Route[] {
  return [
    route(endpoints.people, {
      access: SIGNED_IN,
      summary:
        'People a person field can name: active users (user name, display name, policy roles, stores), by display name; a signed-in person sees those sharing one of their stores',
      handler: async ({ query, principal }) => {
        const roles = (query.role ?? '').split(',').filter(Boolean).slice(0, 50);
        const items = await services.people.people({
          ...(query.store ? { store: query.store } : {}),
          roles,
          visibleTo: recordScope(principal),
        });
        return { items };
      },
    }),
    route(endpoints.stores, {
      access: SIGNED_IN,
      summary: 'Stores a store field can name: the caller’s stores (everyone’s for admins and managers of every store)',
      handler: async ({ principal }) => {
        const items = await services.people.stores(recordScope(principal));
        return { items, names: await services.people.storeNames(items) };
      },
    }),
    route(endpoints.nameStore, {
      access: ADMINS,
      summary: 'Name a store (admins): staff screens, prints and exports show its name, never its id',
      handler: async ({ params, body }) => services.people.nameStore(params.id, body.name, services.clock().toISOString()),
    }),
    route(endpoints.dispatch, {
      access: WRITE,
      summary:
        "Dispatch a record to a person of its store (the form's assignment field, dispatch time stamped when empty; dispatchers' policy roles, managers, admins); rev: the revision read; answers like an update",
      handler: async ({ params, body, principal }) => {
        const record = await services.records.stored(params.id);
        if (!maySee(principal, record)) throw new DomainError('record.notFound', { id: params.id });
        if (record.rev !== body.rev) throw new DomainError('record.stale', { current: record.rev, given: body.rev });
        return services.records.present(await services.dispatch.dispatch(record, body.assignee, body.rev, principal));
      },
    }),
    route(endpoints.myJobs, {
      access: SIGNED_IN,
      summary:
        'My jobs: records assigned to me that are not finished, soonest due outstanding deadline first (overdue first), each with its deadlines; a page of `limit` (1-500, 100) and the `nextCursor` to pass as `cursor`; now: the server clock',
      handler: async ({ query, principal }) => {
        const after = queryCursor(query.cursor, 4);
        if (after && !((after[0] === 0 || after[0] === 1) && after.slice(1).every((part) => typeof part === 'string'))) throw badCursor();
        const page = await services.myJobs.list(actorOf(principal), query.limit ?? 100, after as AssignedCursor | undefined);
        return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null, now: services.clock().toISOString() };
      },
    }),
  ];
}
