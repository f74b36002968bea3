import type { Request } from 'express';
import { pickText } from '@aftersales/engine';
import { AppError } from '../../errors/AppError.js';
import { ledgerCsv, ledgerSummary, ledgerXlsx, type Locale } from '../../services/FinesLedger.js';
import { actorOf, recordScope, recordsInScope, type Principal, type RecordScope } from '../../services/Principal.js';
import type { FineEntry, StoredRecord } from '../../store/types.js';
import { Download, type Access, type Route } from '../Route.js';
import { queryEnum, queryFilter, queryInt, queryString } from '../query.js';
import type { Services } from './Services.js';

const SIGNED_IN: Access = { roles: ['admin', 'manager', 'staff'] };
const MANAGERS: Access = { roles: ['admin', 'manager'], scope: 'records:read' };

/** Approvals inbox, overdue board, fines ledger, notices; and the clock for operators. */
export function workRoutes(services: Services): Route[] {
  const recordsOf = (ids: string[], scope: RecordScope) => recordsInScope(services.store, ids, scope);
  const brief = (r: StoredRecord) => ({
    id: r.id,
    formId: r.formId,
    status: r.status,
    store: r.store,
    assignee: r.assignee,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    data: r.data,
  });
  const fines = async (req: Request, principal: Principal): Promise<FineEntry[]> => {
    const month = queryString(req, 'month');
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new AppError('bad_request', 'month must be YYYY-MM', { details: [{ pointer: '/query/month', message: 'YYYY-MM' }] });
    const all = await services.store.listFines({
      ...queryFilter(req, 'person', 'person'),
      ...(month ? { month } : {}),
      ...queryFilter(req, 'form', 'formId'),
    });
    if (recordScope(principal) === null) return all;
    const records = await recordsOf(
      all.map((f) => f.recordId),
      recordScope(principal),
    );
    return all.filter((f) => records.has(f.recordId));
  };
  const roleLabeller = async (locale: Locale) => {
    const roles = (await services.definitions.publishedPack()).roles?.definition;
    const labels = new Map((roles?.roles ?? []).map((r) => [r.id, pickText(r.label, locale)]));
    return (role: string) => labels.get(role) ?? role;
  };
  const localeOf = (req: Request): Locale =>
    queryEnum(req, 'lang', ['zh-CN', 'en'] as const) ?? (req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? 'en' : 'zh-CN');
  return [
    {
      method: 'get',
      path: '/approvals',
      access: SIGNED_IN,
      summary:
        'Approvals this person may decide (state: pending, approved, rejected, withdrawn), each with the fields changed since it was asked',
      handler: async ({ req, principal }) => {
        const items = await services.approvals.inbox(
          principal,
          queryEnum(req, 'state', ['pending', 'approved', 'rejected', 'withdrawn'] as const) ?? 'pending',
        );
        // Whoever may decide an approval may see the record it is about.
        const records = await recordsOf(
          items.map((a) => a.recordId),
          null,
        );
        const changed = await services.records.approvalsWithChanges(items, records);
        return { items: changed.map((a) => ({ ...a, record: records.has(a.recordId) ? brief(records.get(a.recordId)!) : null })) };
      },
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
      method: 'post',
      path: '/approvals/:id/withdrawal',
      access: { roles: ['admin', 'manager'] },
      summary: 'A manager withdraws a pending approval with a reason, once the policy no longer asks for it (audited)',
      body: 'Withdrawal',
      handler: async ({ req, principal }) =>
        services.approvals.withdraw(String(req.params.id), (req.body as { reason: string }).reason.trim(), principal),
    },
    {
      method: 'get',
      path: '/deadlines',
      access: MANAGERS,
      summary: 'Deadlines by state with their records (breached: the overdue board); now: the server clock',
      handler: async ({ req, principal }) => {
        const state = queryEnum(req, 'state', ['open', 'met', 'breached'] as const);
        const rows = await services.store.listDeadlines({
          ...(state ? { state } : {}),
          ...queryFilter(req, 'form', 'formId'),
        });
        const records = await recordsOf(
          rows.map((d) => d.recordId),
          recordScope(principal),
        );
        return {
          now: services.clock().toISOString(),
          items: rows.filter((d) => records.has(d.recordId)).map((d) => ({ ...d, record: brief(records.get(d.recordId)!) })),
        };
      },
    },
    {
      method: 'get',
      path: '/fines',
      access: MANAGERS,
      summary: 'Fines ledger with totals per person and month (filters: person, month YYYY-MM, form)',
      handler: async ({ req, principal }) => {
        const items = await fines(req, principal);
        const { lines, total } = ledgerSummary(items);
        return { items, total, summary: lines };
      },
    },
    {
      method: 'get',
      path: '/fines/export',
      access: MANAGERS,
      summary: 'The fines ledger as a file: format=csv (UTF-8, for Excel and WPS) or xlsx; same filters; lang=zh-CN|en',
      handler: async ({ req, principal }) => {
        const format = queryEnum(req, 'format', ['csv', 'xlsx'] as const);
        if (!format)
          throw new AppError('bad_request', 'format must be csv or xlsx', {
            details: [{ pointer: '/query/format', message: 'csv | xlsx' }],
          });
        const locale = localeOf(req);
        const items = await fines(req, principal);
        const label = await roleLabeller(locale);
        const name = `fines-${queryString(req, 'month') ?? 'all'}.${format}`;
        return format === 'csv'
          ? new Download('text/csv; charset=utf-8', ledgerCsv(items, locale, label), name)
          : new Download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await ledgerXlsx(items, locale, label), name);
      },
    },
    {
      method: 'get',
      path: '/dashboard/compliance',
      access: MANAGERS,
      summary:
        'Deadlines met and breached per week for the last `weeks` (1-52) weeks, by a record field (groupBy, e.g. zone or technician)',
      handler: async ({ req, principal }) =>
        services.dashboard.deadlineCompliance({
          groupBy: requiredQuery(req, 'groupBy'),
          weeks: queryInt(req, 'weeks', 8, { min: 1, max: 52 }),
          ...queryFilter(req, 'form', 'formId'),
          scope: recordScope(principal) ?? undefined,
        }),
    },
    {
      method: 'get',
      path: '/dashboard/fines',
      access: MANAGERS,
      summary: 'Fines per month for the last `months` (1-24) months: count and total',
      handler: async ({ req, principal }) =>
        services.dashboard.finesPerMonth({
          months: queryInt(req, 'months', 6, { min: 1, max: 24 }),
          scope: recordScope(principal) ?? undefined,
        }),
    },
    {
      method: 'get',
      path: '/dashboard/counts',
      access: MANAGERS,
      summary: 'How many records of a form have each value of a field, optionally split by another (form, field, by, from)',
      handler: async ({ req, principal }) =>
        services.dashboard.counts({
          formId: requiredQuery(req, 'form'),
          field: requiredQuery(req, 'field'),
          ...queryFilter(req, 'by', 'by'),
          ...queryFilter(req, 'from', 'from'),
          scope: recordScope(principal) ?? undefined,
        }),
    },
    {
      method: 'get',
      path: '/notifications',
      access: SIGNED_IN,
      summary:
        'Notices and reminders for this person: their policy roles (or addressed to them by name), on records they may see; newest first, each with its record',
      handler: async ({ req, principal }) => {
        const limit = queryInt(req, 'limit', 50, { min: 1, max: 500 });
        const user = principal.kind === 'user' && !principal.user.roles.includes('admin') ? principal.user : null;
        const all = await services.store.listNotifications({ ...(user ? { roles: user.policyRoles } : {}), limit });
        const scope = recordScope(principal);
        const records = await recordsOf(
          all.flatMap((n) => (n.recordId ? [n.recordId] : [])),
          scope,
        );
        const items = all
          .filter((n) => !user || n.person === null || n.person === user.username || n.person === user.displayName)
          .filter((n) => n.recordId === null || records.has(n.recordId))
          .slice(0, limit)
          .map((n) => ({ ...n, record: n.recordId ? brief(records.get(n.recordId)!) : null }));
        return { items };
      },
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

function requiredQuery(req: Request, name: string): string {
  const value = queryString(req, name);
  if (!value)
    throw new AppError('bad_request', `query parameter "${name}" is required`, {
      details: [{ pointer: `/query/${name}`, message: 'required' }],
    });
  return value;
}
