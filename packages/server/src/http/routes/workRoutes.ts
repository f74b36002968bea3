import type { Request } from 'express';
import { pickText } from '@aftersales/engine';
import { domainDetail } from '../../errors/domainDetail.js';
import { DomainError } from '../../errors/DomainError.js';
import type { Locale } from '../../services/FinesLedger.js';
import { ExportAborted, fineLedgerPages, writeLedgerCsv, writeLedgerXlsx, type LedgerExport } from '../../services/FinesLedgerExport.js';
import { actorOf, maySee, recordScope, recordsInScope, type Principal, type RecordScope } from '../../services/Principal.js';
import { lateMs } from '../../services/lateness.js';
import { storeTimeZone } from '../../services/recordDateFilter.js';
import { recordTitle } from '../../services/recordTitle.js';
import type { FineFilter } from '../../store/paging.js';
import type { StoredRecord } from '../../store/types.js';
import { api, type QueryOf } from '@aftersales/contract';
import { Answered, type Access, type Route } from '../Route.js';
import { badCursor, encodeCursor, queryCursor } from '../cursor.js';
import { route } from '../typedRoute.js';
import { FINES_LEDGER } from './finesLedgerAccess.js';
import type { Services } from './Services.js';

const endpoints = api.work;
type FineQuery = QueryOf<typeof endpoints.fines>;

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
  /** The ledger's filters from the query; a user with a store scope sees fines of the records they may see. */
  const fineFilter = async (query: FineQuery, principal: Principal): Promise<FineFilter> => {
    const month = query.month;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new DomainError('query.badMonth', {}, { details: [domainDetail('/query/month', 'detail.oneOf', { values: 'YYYY-MM' })] });
    const scope = recordScope(principal);
    // The person filter reads the names people see: a display name means that user.
    const person = query.person ? ((await services.people.usernamesFor(query.person))[0] ?? query.person) : undefined;
    return {
      ...(person ? { person } : {}),
      ...(month ? { month } : {}),
      ...(query.form ? { formId: query.form } : {}),
      // A record's fines (its page): the scope below still applies, so a record the caller may not see has none.
      ...(query.record ? { recordId: query.record } : {}),
      ...(scope ? { visibleTo: scope } : {}),
    };
  };
  const roleLabeller = async (locale: Locale) => {
    const roles = (await services.definitions.publishedPack()).roles?.definition;
    const labels = new Map((roles?.roles ?? []).map((r) => [r.id, pickText(r.label, locale)]));
    return (role: string) => labels.get(role) ?? role;
  };
  const localeOf = (req: Request, lang: Locale | undefined): Locale =>
    lang ?? (req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? 'en' : 'zh-CN');
  return [
    route(endpoints.approvals, {
      access: SIGNED_IN,
      summary:
        'Approvals this person may decide (state: pending, approved, rejected, withdrawn), newest first, each with the fields changed since it was asked; a page of `limit` (1-500, 100) with the total and the `nextCursor` to pass as `cursor`',
      handler: async ({ query, principal }) => {
        const after = queryCursor(query.cursor, 2) as [string, string] | undefined;
        const page = await services.approvals.inboxPage(principal, query.state ?? 'pending', {
          limit: query.limit ?? 100,
          ...(after ? { after } : {}),
        });
        // The store kept only approvals of records within the caller's scope (a policy role is per store).
        const records = await recordsOf(
          page.items.map((a) => a.recordId),
          null,
        );
        const last = page.items.at(-1);
        const shown = page.items.filter((a) => records.has(a.recordId));
        const changed = await services.records.approvalsWithChanges(shown, records);
        return {
          items: changed.map((a) => ({ ...a, record: brief(records.get(a.recordId)!) })),
          total: page.total,
          totalCapped: page.capped ?? false,
          nextCursor: page.more && last ? encodeCursor([last.createdAt, last.id]) : null,
        };
      },
    }),
    route(endpoints.decide, {
      access: { roles: ['admin', 'manager'] },
      summary: 'Approve or reject with a comment; the guarded move opens at once',
      handler: async ({ params, body, principal }) => {
        // An approval of a record outside the caller's store scope does not exist for them.
        const approval = await services.store.getApproval(params.id);
        const record = approval ? await services.store.getRecord(approval.recordId) : null;
        if (approval && (!record || !maySee(principal, record))) throw new DomainError('approval.notFound', { id: params.id });
        return services.approvals.decide(params.id, body.decision, body.comment ?? '', principal);
      },
    }),
    route(endpoints.withdraw, {
      access: { roles: ['admin', 'manager'] },
      summary: 'A manager withdraws a pending approval with a reason, once the policy no longer asks for it (audited)',
      handler: async ({ params, body, principal }) => services.approvals.withdraw(params.id, body.reason.trim(), principal),
    }),
    route(endpoints.deadlines, {
      access: MANAGERS,
      summary:
        'Deadlines by state with their records (breached: the overdue board), soonest due first; a page of `limit` (1-500, 100) with the total and the `nextCursor` to pass as `cursor`; now: the server clock; lateMs: how late (at the time it was met, once met: it stops counting)',
      handler: async ({ query, principal }) => {
        const state = query.state;
        const after = queryCursor(query.cursor, 3) as [string | null, string, string] | undefined;
        if (after && (typeof after[1] !== 'string' || typeof after[2] !== 'string')) throw badCursor();
        const scope = recordScope(principal);
        const page = await services.store.pageDeadlines({
          ...(state ? { state } : {}),
          ...(query.form ? { formId: query.form } : {}),
          ...(scope ? { visibleTo: scope } : {}),
          limit: query.limit ?? 100,
          ...(after ? { after } : {}),
        });
        const records = await recordsOf(
          page.items.map((d) => d.recordId),
          scope,
        );
        const now = services.clock();
        const last = page.items.at(-1);
        return {
          now: now.toISOString(),
          items: page.items
            .filter((d) => records.has(d.recordId))
            .map((d) => ({ ...d, lateMs: lateMs(d, now), record: brief(records.get(d.recordId)!) })),
          total: page.total,
          totalCapped: page.capped ?? false,
          nextCursor: page.more && last ? encodeCursor([last.dueAt, last.recordId, last.key]) : null,
        };
      },
    }),
    route(endpoints.fines, {
      access: FINES_LEDGER,
      summary:
        'Fines ledger (filters: person, month YYYY-MM in China time, form, record: the fines of one record), newest first: a page of `limit` (1-500, 100) with the `nextCursor` to pass as `cursor` and `count` (up to 10,000; `countCapped`: more); `total` and `summary` (per person and month) cover every fine of the filter, summed by the database',
      handler: async ({ query, principal }) => {
        const filter = await fineFilter(query, principal);
        const after = queryCursor(query.cursor, 2) as [string, string] | undefined;
        const [page, totals] = await Promise.all([
          services.store.pageFines({ ...filter, limit: query.limit ?? 100, ...(after ? { after } : {}) }),
          services.store.fineTotals(filter),
        ]);
        // Each fine's record as people name it (form title · key field · local date), never its id.
        const pack = await services.definitions.publishedPack();
        const records = await recordsOf(
          page.items.map((f) => f.recordId),
          null,
        );
        // People by the names people read (the ledger keys fines by the person reference, the user name).
        const people = await services.people.displayNames();
        const titles = new Map(
          [...records.values()].map((r) => [
            r.id,
            recordTitle(pack.forms.get(r.formId)?.definition, r, storeTimeZone(pack, r.formId), people),
          ]),
        );
        const nameOf = (person: string | null) => (person ? (people.get(person) ?? person) : null);
        const last = page.items.at(-1);
        return {
          items: page.items.map((f) => ({ ...f, personName: nameOf(f.person), recordTitle: titles.get(f.recordId) ?? null })),
          count: page.total,
          countCapped: page.capped,
          nextCursor: page.more && last ? encodeCursor([last.postedAt, last.id]) : null,
          total: totals.total,
          summary: totals.lines.map((l) => ({ ...l, personName: nameOf(l.person) ?? '' })),
        };
      },
    }),
    route(endpoints.finesExport, {
      access: FINES_LEDGER,
      summary: 'The fines ledger as a file: format=csv (UTF-8, for Excel and WPS) or xlsx; same filters; lang=zh-CN|en',
      handler: async ({ req, res, query, principal }) => {
        const format = query.format;
        if (!format)
          throw new DomainError(
            'query.badFormat',
            {},
            { details: [domainDetail('/query/format', 'detail.oneOf', { values: 'csv | xlsx' })] },
          );
        const locale = localeOf(req, query.lang);
        const filter = await fineFilter(query, principal);
        const people = await services.people.displayNames();
        const personName = (person: string) => people.get(person) ?? person;
        const label = await roleLabeller(locale);
        const pack = await services.definitions.publishedPack();
        const exporting: LedgerExport = {
          locale,
          roleLabel: label,
          // The file names people as they read their names (the ledger keys them by user name).
          personName,
          // Forms and records by their titles, never their ids: the records of each page as it is written.
          namesFor: async (page) => {
            const records = await recordsOf(
              page.map((f) => f.recordId),
              null,
            );
            return {
              form: (id) => {
                const form = pack.forms.get(id)?.definition;
                return form ? pickText(form.title, locale) : undefined;
              },
              record: (id) => {
                const record = records.get(id);
                return record
                  ? recordTitle(pack.forms.get(record.formId)?.definition, record, storeTimeZone(pack, record.formId), people)[locale]
                  : undefined;
              },
              timeZone: 'Asia/Shanghai',
            };
          },
        };
        // The monthly totals (Excel's second sheet) from the database; the fines read page by page as the file is sent.
        const summary =
          format === 'xlsx'
            ? (await services.store.fineTotals(filter)).lines
                .map((l) => ({ ...l, person: personName(l.person) }))
                .sort(
                  (a, b) => b.month.localeCompare(a.month) || a.person.localeCompare(b.person) || a.payerRole.localeCompare(b.payerRole),
                )
            : [];
        const pages = fineLedgerPages(services.store, filter);
        res
          .status(200)
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .attachment(`fines-${query.month ?? 'all'}.${format}`);
        try {
          if (format === 'csv') await writeLedgerCsv(res, pages, exporting);
          else await writeLedgerXlsx(res, pages, summary, exporting);
        } catch (error) {
          // Headers are sent: a failure half way can only cut the file short, never pass for a whole one.
          if (!(error instanceof ExportAborted)) res.destroy(error instanceof Error ? error : new Error(String(error)));
        }
        return new Answered();
      },
    }),
    route(endpoints.compliance, {
      access: MANAGERS,
      summary:
        'Deadlines met and breached per week for the last `weeks` (1-52) weeks, by a record field (groupBy, e.g. zone or technician)',
      handler: async ({ query, principal }) =>
        services.dashboard.deadlineCompliance({
          groupBy: required(query.groupBy, 'groupBy'),
          weeks: query.weeks ?? 8,
          ...(query.form ? { formId: query.form } : {}),
          scope: recordScope(principal) ?? undefined,
        }),
    }),
    route(endpoints.finesPerMonth, {
      access: MANAGERS,
      summary: 'Fines per month for the last `months` (1-24) months: count and total',
      handler: async ({ query, principal }) =>
        services.dashboard.finesPerMonth({ months: query.months ?? 6, scope: recordScope(principal) ?? undefined }),
    }),
    route(endpoints.counts, {
      access: MANAGERS,
      summary: 'How many records of a form have each value of a field, optionally split by another (form, field, by, from)',
      handler: async ({ query, principal }) =>
        services.dashboard.counts({
          formId: required(query.form, 'form'),
          field: required(query.field, 'field'),
          ...(query.by ? { by: query.by } : {}),
          ...(query.from ? { from: query.from } : {}),
          scope: recordScope(principal) ?? undefined,
        }),
    }),
    route(endpoints.notifications, {
      access: SIGNED_IN,
      summary:
        'Notices and reminders for this person: their policy roles (or addressed to them by name), on records they may see; newest first, each with its record; a page of `limit` (1-500, 50) with the total and the `nextCursor` to pass as `cursor`',
      handler: async ({ query, principal }) => {
        const limit = query.limit ?? 50;
        const after = queryCursor(query.cursor, 2) as [string, string] | undefined;
        const user = principal.kind === 'user' && !principal.user.roles.includes('admin') ? principal.user : null;
        const scope = recordScope(principal);
        // Every filter is the database's, before the limit: a page is never cut short by filtering after it.
        const page = await services.store.pageNotifications({
          ...(user ? { roles: user.policyRoles, person: { username: user.username, displayName: user.displayName } } : {}),
          ...(scope ? { visibleTo: scope } : {}),
          limit,
          ...(after ? { after } : {}),
        });
        const records = await recordsOf(
          page.items.flatMap((n) => (n.recordId ? [n.recordId] : [])),
          scope,
        );
        const last = page.items.at(-1);
        return {
          items: page.items.map((n) => ({ ...n, record: n.recordId && records.has(n.recordId) ? brief(records.get(n.recordId)!) : null })),
          total: page.total,
          totalCapped: page.capped ?? false,
          nextCursor: page.more && last ? encodeCursor([last.at, last.id]) : null,
        };
      },
    }),
    route(endpoints.tick, {
      access: { roles: ['admin'] },
      summary: 'Run the clock now (breaches, fines, reminders)',
      handler: async ({ principal }) => ({ actor: actorOf(principal), ...(await services.scheduler.tick()) }),
    }),
  ];
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new DomainError('query.required', { name }, { details: [domainDetail(`/query/${name}`, 'detail.required', {})] });
  return value;
}
