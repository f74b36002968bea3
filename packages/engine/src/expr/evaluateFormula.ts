import type { CalendarFile } from '../calendar/CalendarFile.js';
import { policyCalendars, ruleSetCalendars, ruleSetFacts } from '../policy/ruleSetFacts.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';
import type { Expr } from './Expr.js';
import { evaluateExprValue } from './evaluateExpr.js';

/**
 * One formula of a rule set computed on one record, as an evaluation would compute it: the rule
 * set's derived facts and calendars, the record's time zone. The designer shows it as the live
 * example of a formula being edited. Null when it cannot be computed.
 */
export function evaluateFormula(
  expr: Expr,
  input: {
    ruleSet: Pick<RuleSetFile, 'facts' | 'calendar' | 'form' | 'id' | 'title' | 'rules'>;
    calendars: readonly CalendarFile[];
    data: unknown;
    now: Date;
    status?: string | null;
  },
): number | string | null {
  const calendars = ruleSetCalendars(input.ruleSet, policyCalendars(input.calendars));
  const { facts } = ruleSetFacts(
    input.ruleSet,
    { data: input.data, now: input.now.getTime(), status: input.status ?? null, history: {} },
    calendars,
  );
  return evaluateExprValue(expr, facts.lookup, { timeZone: calendars.zone.timeZone, calendar: calendars.calendar });
}
