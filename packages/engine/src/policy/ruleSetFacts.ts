import type { CalendarFile } from '../calendar/CalendarFile.js';
import { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { RecordFacts } from '../facts/createFactLookup.js';
import type { FactPlans } from '../facts/FactPlans.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { ExprEnv } from '../expr/evaluateExpr.js';

/** The zone and hours used when a rule set names no calendar: round the clock in Asia/Shanghai. */
export const FALLBACK_CALENDAR: CalendarFile = {
  id: 'round-the-clock',
  title: { 'zh-CN': '全天候', en: 'Round the clock' },
  timeZone: 'Asia/Shanghai',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
};

/** A policy's working calendars by id, the fallback included. */
export function policyCalendars(files: readonly CalendarFile[]): Map<string, WorkingCalendar> {
  const calendars = new Map<string, WorkingCalendar>();
  for (const file of [FALLBACK_CALENDAR, ...files]) calendars.set(file.id, WorkingCalendar.fromFile(file));
  return calendars;
}

/** What one evaluation of a rule set reads: the record, the moment, the status and the caller's history facts. */
export interface RuleSetInput {
  data: unknown;
  /** The moment of evaluation, epoch ms. */
  now: number;
  status: string | null;
  history: Readonly<Record<string, unknown>>;
}

/** A rule set's calendars: by id (its own when none is named, else the fallback), and its time zone. */
export function ruleSetCalendars(definition: RuleSetFile, calendars: ReadonlyMap<string, WorkingCalendar>) {
  const resolve = (id: string | undefined) => {
    const key = id ?? definition.calendar ?? FALLBACK_CALENDAR.id;
    return { id: key, calendar: calendars.get(key) ?? calendars.get(FALLBACK_CALENDAR.id)! };
  };
  // The rule set's own calendar, what most deadlines count on, is found once per rule set version.
  const own = resolve(undefined);
  const calendarFor = (id: string | undefined) => (id === undefined ? own : resolve(id));
  const calendar = (id: string | undefined) => calendarFor(id).calendar;
  const zone = calendar(undefined).offsets;
  // What date functions in amounts read: the same for every evaluation of the rule set.
  const exprEnv: ExprEnv = { timeZone: calendar(undefined).timeZone, calendar };
  return { calendarFor, calendar, zone, exprEnv };
}

export type RuleSetCalendars = ReturnType<typeof ruleSetCalendars>;

/**
 * The facts of one evaluation of a rule set (each computed on first use), and its calendars. With
 * the compiled rule set's plans, the facts its leaves read are kept in `values` (for `runRuleSet`).
 */
export function ruleSetFacts(definition: RuleSetFile, input: RuleSetInput, calendars: RuleSetCalendars, plans?: FactPlans) {
  const facts = new RecordFacts(
    {
      data: input.data,
      now: input.now,
      status: input.status,
      history: input.history,
      derived: definition.facts ?? {},
      calendar: calendars.calendar,
      zone: calendars.zone,
    },
    plans,
  );
  // No `lookup` here: it is made on first use (`facts.lookup`), and compiled rules read `facts` by slot.
  return { values: facts.values, facts, calendarFor: calendars.calendarFor };
}
