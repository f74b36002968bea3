import { AppError } from '../../errors/AppError.js';
import { FineCorrections } from '../../services/FineCorrections.js';
import { actorOf, recordScope, recordsInScope } from '../../services/Principal.js';
import type { Route } from '../Route.js';
import type { Services } from './Services.js';

/** Corrections of the fines ledger (append-only): a manager waives or corrects a posted fine with a reason. */
export function fineRoutes(services: Services): Route[] {
  return [
    {
      method: 'post',
      path: '/fines/:id/corrections',
      access: { roles: ['admin', 'manager'] },
      summary:
        'Waive a posted fine (no amount) or correct it to `amount`, with a reason: the original stays, a reversal (and the corrected fine) is appended; a fine is reversed once',
      body: 'FineCorrection',
      status: 201,
      handler: async ({ req, principal }) => {
        const id = String(req.params.id);
        const fine = await services.store.getFine(id);
        // A fine on a record outside the manager's stores is "not found", so ids cannot be probed.
        const visible = fine ? (await recordsInScope(services.store, [fine.recordId], recordScope(principal))).has(fine.recordId) : false;
        if (!fine || !visible) throw new AppError('not_found', `fine "${id}" does not exist`, { messageZh: '罚款记录不存在' });
        const body = req.body as { reason: string; amount?: number };
        return new FineCorrections(services.store, services.clock).correctFine(
          fine,
          { reason: body.reason, ...(body.amount !== undefined ? { amount: body.amount } : {}) },
          actorOf(principal),
        );
      },
    },
  ];
}
