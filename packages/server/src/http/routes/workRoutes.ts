import { actorOf } from '../../services/Principal.js';
import type { Access, Route } from '../Route.js';
import { queryEnum, queryInt, queryString } from '../query.js';
import type { Services } from './Services.js';

const SIGNED_IN: Access = { roles: ['admin', 'manager', 'staff'] };
const MANAGERS: Access = { roles: ['admin', 'manager'], scope: 'records:read' };

/** Approvals inbox, overdue board, fines ledger, notices; and the clock for operators. */
export function workRoutes(services: Services): Route[] {
  return [
    {
      method: 'get',
      path: '/approvals',
      access: SIGNED_IN,
      summary: 'Approvals this person may decide (state: pending, approved, rejected)',
      handler: async ({ req, principal }) => ({
        items: await services.approvals.inbox(
          principal,
          queryEnum(req, 'state', ['pending', 'approved', 'rejected'] as const) ?? 'pending',
        ),
      }),
    },
    {
      method: 'post',
      path: '/approvals/:id/decision',
      access: { roles: ['admin', 'manager'] },
      summary: 'Approve or reject with a comment; the guarded move opens at once',
      body: 'Decision',
      handler: async ({ req, principal }) => {
        const body = req.body as { decision: 'approve' | 'reject'; comment?: string };
        return services.approvals.decide(String(req.params.id), body.decision, body.comment ?? '', principal);
      },
    },
    {
      method: 'get',
      path: '/deadlines',
      access: MANAGERS,
      summary: 'Deadlines by state (breached: the overdue board)',
      handler: async ({ req }) => ({
        items: await services.store.listDeadlines({
          ...(queryEnum(req, 'state', ['open', 'met', 'breached'] as const)
            ? { state: queryEnum(req, 'state', ['open', 'met', 'breached'] as const)! }
            : {}),
          ...(queryString(req, 'form') ? { formId: queryString(req, 'form')! } : {}),
        }),
      }),
    },
    {
      method: 'get',
      path: '/fines',
      access: MANAGERS,
      summary: 'Fines ledger (filters: person, month YYYY-MM, form)',
      handler: async ({ req }) => {
        const month = queryString(req, 'month');
        const items = await services.store.listFines({
          ...(queryString(req, 'person') ? { person: queryString(req, 'person')! } : {}),
          ...(month ? { month } : {}),
          ...(queryString(req, 'form') ? { formId: queryString(req, 'form')! } : {}),
        });
        return { items, total: Math.round(items.reduce((sum, f) => sum + f.amount, 0) * 100) / 100 };
      },
    },
    {
      method: 'get',
      path: '/notifications',
      access: SIGNED_IN,
      summary: "Notices and reminders for this person's policy roles",
      handler: async ({ req, principal }) => ({
        items: await services.store.listNotifications({
          ...(principal.kind === 'user' && !principal.user.roles.includes('admin') ? { roles: principal.user.policyRoles } : {}),
          limit: queryInt(req, 'limit', 50, { min: 1, max: 500 }),
        }),
      }),
    },
    {
      method: 'post',
      path: '/clock/tick',
      access: { roles: ['admin'] },
      summary: 'Run the clock now (breaches, fines, reminders)',
      handler: async ({ principal }) => ({ actor: actorOf(principal), ...(await services.scheduler.tick()) }),
    },
  ];
}
