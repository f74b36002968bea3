import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { parseInstant } from '../calendar/parseInstant.js';
import { evaluateExpr, type ExprEnv } from '../expr/evaluateExpr.js';
import type { FactLookup } from '../facts/createFactLookup.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { Deadline, Fine, Outcome, OutcomeSource } from './Outcome.js';
import type { DeadlineParams, FineParams, OutcomeEvent, Party } from './OutcomeEvent.js';
import { dueTime } from './dueTime.js';

export interface OutcomeInputs {
  lookup: FactLookup;
  now: Date;
  calendar: (id: string | undefined) => { id: string; calendar: WorkingCalendar };
  /** Called when an amount cannot be computed (a field it needs is empty). */
  warn: (message: LocalizedText) => void;
}

export function emptyOutcome(): Outcome {
  return { deadlines: [], fines: [], approvals: [], amounts: [], blocks: [], notices: [] };
}

/** Adds what one fired rule's event says to the outcome. */
export function addToOutcome(outcome: Outcome, event: OutcomeEvent, source: OutcomeSource, inputs: OutcomeInputs): void {
  switch (event.type) {
    case 'fine': {
      const { payer, amount, currency, reason } = fine(event.params, source, inputs);
      outcome.fines.push({ source, payer, amount, currency, reason });
      return;
    }
    case 'deadline':
      outcome.deadlines.push(deadline(event.params, source, inputs));
      return;
    case 'approval':
      outcome.approvals.push({ source, approver: event.params.approver, before: event.params.before, reason: event.params.reason });
      return;
    case 'amount': {
      const { name, label, unit } = event.params;
      const value = amountOf(event.params.value, source, label, inputs);
      outcome.amounts.push({ source, name, label, value, ...(unit ? { unit } : {}) });
      return;
    }
    case 'block':
      outcome.blocks.push(
        event.params.before === undefined
          ? { source, message: event.params.message }
          : { source, message: event.params.message, before: event.params.before },
      );
      return;
    case 'notify':
      outcome.notices.push({ source, to: party(event.params.to, inputs.lookup), message: event.params.message });
      return;
  }
}

function fine(params: FineParams, source: OutcomeSource, inputs: OutcomeInputs): Omit<Fine, 'source'> {
  return {
    payer: party(params.payer, inputs.lookup),
    amount: amountOf(params.amount, source, params.reason, inputs),
    currency: 'CNY',
    reason: params.reason,
  };
}

function deadline(params: DeadlineParams, source: OutcomeSource, inputs: OutcomeInputs): Deadline {
  const { id, calendar } = inputs.calendar(params.calendar);
  const start = parseInstant(inputs.lookup(params.from), calendar.timeZone);
  const amount = evaluateExpr(params.limit.amount, inputs.lookup, exprEnv(inputs));
  const due = start && amount !== null ? safeDueTime(start, params, amount, calendar) : null;
  const met = params.metBy ? parseInstant(inputs.lookup(params.metBy), calendar.timeZone) : null;
  const reference = met ?? inputs.now;
  const breached = due !== null && reference.getTime() > due.getTime();
  return {
    source,
    key: params.key,
    what: params.what,
    limit: { unit: params.limit.unit, amount: amount ?? 0, ...(params.limit.at ? { at: params.limit.at } : {}) },
    calendar: id,
    startedAt: start?.toISOString() ?? null,
    dueAt: due?.toISOString() ?? null,
    metAt: met?.toISOString() ?? null,
    state: breached ? 'breached' : met ? 'met' : 'open',
    overdueMs: breached ? reference.getTime() - due.getTime() : 0,
    remindAt: due && params.remindMinutesBefore ? new Date(due.getTime() - params.remindMinutesBefore * 60_000).toISOString() : null,
    ...(params.owner ? { owner: party(params.owner, inputs.lookup) } : {}),
    breachFines: (params.onBreach?.fines ?? []).map((f) => fine(f, source, inputs)),
  };
}

/** A due time beyond what the calendar can count (ten years, or a negative working limit) is "none". */
function safeDueTime(start: Date, params: DeadlineParams, amount: number, calendar: WorkingCalendar): Date | null {
  try {
    const due = dueTime(start, params.limit.unit, amount, calendar, params.limit.at);
    return Number.isNaN(due.getTime()) ? null : due;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function amountOf(expr: Parameters<typeof evaluateExpr>[0], source: OutcomeSource, label: LocalizedText, inputs: OutcomeInputs): number {
  const value = evaluateExpr(expr, inputs.lookup, exprEnv(inputs));
  if (value !== null) return value;
  inputs.warn({
    'zh-CN': `规则 ${source.rule}：“${label['zh-CN']}”的金额无法计算（所需字段为空），暂记为 0`,
    en: `Rule ${source.rule}: the amount of "${label.en}" cannot be computed (a field it needs is empty); counted as 0`,
  });
  return 0;
}

/** What date functions in amounts read: the rule set's calendars and the zone of its own calendar (looked up only when used). */
function exprEnv(inputs: OutcomeInputs): ExprEnv {
  return {
    get timeZone() {
      return inputs.calendar(undefined).calendar.timeZone;
    },
    calendar: (id) => inputs.calendar(id).calendar,
  };
}

function party(p: Party, lookup: FactLookup): Party & { person?: string } {
  const result: Party & { person?: string } = { role: p.role };
  if (p.personField === undefined) return result;
  result.personField = p.personField;
  const person = lookup(p.personField);
  if (typeof person === 'string' && person !== '') result.person = person;
  return result;
}
