import { DomainError } from '../../errors/DomainError.js';
import { FineCorrections } from '../../services/FineCorrections.js';
import { actorOf, recordScope, recordsInScope } from '../../services/Principal.js';
import { api } from '@aftersales/contract';
import type { Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

/** Corrections of the fines ledger (append-only): a manager waives or corrects a posted fine with a reason. */
export function fineRoutes(services: Services): Route[] {
  return [
    route(api.work.correctFine, {
      access: { roles: ['admin', 'manager'] },
      summary:
        'Waive a posted fine (no amount) or correct it to `amount`, with a reason: the original stays, a reversal (and the corrected fine) is appended; a fine is reversed once',
      handler: async ({ params, body, principal }) => {
        const id = params.id;
        const fine = await services.store.getFine(id);
        // A fine on a record outside the manager's stores is "not found", so ids cannot be probed.
        const visible = fine ? (await recordsInScope(services.store, [fine.recordId], recordScope(principal))).has(fine.recordId) : false;
        if (!fine || !visible) throw new DomainError('fine.notFound', { id });
        return new FineCorrections(services.store, services.clock).correctFine(
          fine,
          { reason: body.reason, ...(body.amount !== undefined ? { amount: body.amount } : {}) },
          actorOf(principal),
        );
      },
    }),
  ];
}
