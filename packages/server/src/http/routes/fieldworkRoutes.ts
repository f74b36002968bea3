import { AppError } from '../../errors/AppError.js';
import { actorOf, maySee, recordScope } from '../../services/Principal.js';
import type { Access, Route } from '../Route.js';
import { queryInt, queryString } from '../query.js';
import type { Services } from './Services.js';

const SIGNED_IN: Access = { roles: ['admin', 'manager', 'staff'] };
const WRITE: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:write' };

/** Field work: the people and stores person and store fields pick from, dispatch, my jobs. */
export function fieldworkRoutes(services: Services): Route[] {
  return [
    {
      method: 'get',
      path: '/people',
      access: SIGNED_IN,
      query: {
        role: { type: 'string', maxLength: 100, description: 'only holders of this policy role (repeat with commas for several)' },
        store: { type: 'string', maxLength: 100, description: 'only people of this store (people without stores belong to every store)' },
      },
      summary:
        'People a person field can name: active users (user name, display name, policy roles, stores), by display name; a signed-in person sees those sharing one of their stores',
      handler: async ({ req, principal }) => {
        const roles = (queryString(req, 'role') ?? '').split(',').filter(Boolean).slice(0, 50);
        const store = queryString(req, 'store');
        const items = await services.people.people({
          ...(store ? { store } : {}),
          roles,
          visibleTo: recordScope(principal),
        });
        return { items };
      },
    },
    {
      method: 'get',
      path: '/stores',
      access: SIGNED_IN,
      summary: 'Stores a store field can name: the caller’s stores (everyone’s for admins and managers of every store)',
      handler: async ({ principal }) => ({ items: await services.people.stores(recordScope(principal)) }),
    },
    {
      method: 'post',
      path: '/records/:id/dispatch',
      access: WRITE,
      body: 'Dispatch',
      summary:
        "Dispatch a record to a person of its store (the form's assignment field, dispatch time stamped when empty; dispatchers' policy roles, managers, admins); rev: the revision read; answers like an update",
      handler: async ({ req, principal }) => {
        const body = req.body as { assignee: string; rev: number };
        const record = await services.records.stored(String(req.params.id));
        if (!maySee(principal, record)) throw new AppError('not_found', `record "${String(req.params.id)}" does not exist`);
        if (record.rev !== body.rev)
          throw new AppError('conflict', `the record is at revision ${record.rev}, not ${body.rev}; reload it`, {
            messageZh: '记录已被他人修改，请刷新后再试',
          });
        return services.records.present(await services.dispatch.dispatch(record, body.assignee, body.rev, principal));
      },
    },
    {
      method: 'get',
      path: '/my-jobs',
      access: SIGNED_IN,
      query: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 100, description: 'at most this many' } },
      summary:
        'My jobs: records assigned to me that are not finished, soonest due outstanding deadline first (overdue first), each with its deadlines; now: the server clock',
      handler: async ({ req, principal }) => ({
        items: await services.myJobs.list(actorOf(principal), queryInt(req, 'limit', 100, { min: 1, max: 200 })),
        now: services.clock().toISOString(),
      }),
    },
  ];
}
