import { api } from '@aftersales/contract';
import { AppError } from '../../errors/AppError.js';
import { maySee, type Principal } from '../../services/Principal.js';
import type { Access, Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

const READ: Access = { roles: ['admin', 'manager', 'staff'], scope: 'records:read' };

/** Linked records: a record's links both ways (a visit's ticket, a ticket's visits). */
export function linkRoutes(services: Services): Route[] {
  const { records } = services;
  const visible = async (id: string, principal: Principal) => {
    const record = await records.stored(id);
    if (!maySee(principal, record)) throw new AppError('not_found', `record "${id}" does not exist`);
    return record;
  };
  return [
    route(api.links.recordLinks, {
      access: READ,
      summary:
        'A record’s links both ways, each by the other record’s title and status: the records its link fields name, and the records linking to it (newest first, up to 100); only records the caller may see',
      handler: async ({ params, principal }) =>
        records.links.view(await visible(params.id, principal), (other) => maySee(principal, other)),
    }),
  ];
}
