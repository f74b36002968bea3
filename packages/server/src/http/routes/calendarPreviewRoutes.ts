import type { CalendarFile } from '@aftersales/engine';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import { fileOf, toDetail } from '../../services/DefinitionService.js';
import { DEFAULT_TIME_ZONE } from '../../services/recordDateFilter.js';
import { recordTitle } from '../../services/recordTitle.js';
import { api } from '@aftersales/contract';
import type { Route } from '../Route.js';
import { route } from '../typedRoute.js';
import type { Services } from './Services.js';

/** Before a calendar is published: which open deadlines it would move, by how much, and which would now be past due or no longer. */
export function calendarPreviewRoutes(services: Services): Route[] {
  return [
    route(api.pack.calendarPreview, {
      access: { roles: ['admin'], scope: 'definitions:write' },
      summary:
        'What publishing the calendar (its draft, or `definition`) would do to open deadlines: each moved one with its record title, old and new due time, the move, and whether it becomes past due (breachedNow) or no longer (saved)',
      handler: async ({ params, body }) => {
        const id = params.id;
        const doc = await services.definitions.get('calendar', id);
        const given = body.definition;
        const definition = given ?? doc.draft?.definition;
        if (definition === undefined) throw new DomainError('calendar.noDraftToPreview', { id });
        if ((definition as { id?: unknown }).id !== id)
          throw new DomainError(
            'calendar.idMismatch',
            { id },
            {
              details: [domainDetail('/definition/id', 'detail.mustBe', { value: id })],
            },
          );
        const { problems } = await services.definitions.check([fileOf('calendar', definition)]);
        if (problems.length > 0)
          throw new DomainError(
            'definition.problems',
            { kind: 'calendar', id, count: problems.length },
            { details: problems.map(toDetail) },
          );
        const calendar = definition as CalendarFile;
        // The counts cover every open deadline on the calendar; the list, the moves due soonest.
        const { counts, items: shifts } = await services.deadlineRecompute.preview(id, calendar);
        const pack = await services.definitions.publishedPack();
        const zone = calendar.timeZone ?? DEFAULT_TIME_ZONE;
        const people = await services.people.displayNames();
        const items = [];
        for (const shift of shifts) {
          const record = await services.store.getRecord(shift.row.recordId);
          if (!record) continue;
          items.push({
            recordId: record.id,
            formId: record.formId,
            key: shift.row.key,
            what: shift.row.deadline.what,
            title: recordTitle(pack.forms.get(record.formId)?.definition, record, zone, people),
            from: shift.from,
            to: shift.to,
            deltaMs: shift.deltaMs,
            breachedNow: shift.breachedNow,
            saved: shift.saved,
          });
        }
        return { now: services.clock().toISOString(), timeZone: zone, counts, items };
      },
    }),
  ];
}
