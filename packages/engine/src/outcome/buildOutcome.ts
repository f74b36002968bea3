import { formatInstant } from '../calendar/civilDay.js';
import { instantMsOf } from '../calendar/parseInstant.js';
import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import type { ZoneOffsets } from '../calendar/zoneOffsets.js';
import { evaluateExpr, type ExprEnv } from '../expr/evaluateExpr.js';
import type { FactLookup, InstantSource } from '../facts/createFactLookup.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { Deadline, Fine, Outcome, OutcomeSource } from './Outcome.js';
import type { DeadlineParams, FineParams, OutcomeEvent, Party } from './OutcomeEvent.js';
import { dueTimeMs, timeClip } from './dueTime.js';

export interface OutcomeInputs {
  lookup: FactLookup;
  /** Where facts are read as instants in a zone (epoch ms, NaN for none); default: `instantMsOf` of `lookup`'s value. */
  instants?: InstantSource;
  /** The moment of evaluation, epoch ms. */
  now: number;
  calendar: (id: string | undefined) => { id: string; calendar: WorkingCalendar };
  /** Where a warning goes when an amount cannot be computed (a field it needs is empty). */
  warnings: LocalizedText[];
  /** What date functions in amounts read; made by the first amount that needs it (one per evaluation). */
  exprEnv?: ExprEnv;
}

export function emptyOutcome(): Outcome {
  return { deadlines: [], fines: [], approvals: [], amounts: [], blocks: [], notices: [] };
}

/** Adds what one fired rule's event says to the outcome. */
export function addToOutcome(outcome: Outcome, event: OutcomeEvent, source: OutcomeSource, inputs: OutcomeInputs): void {
  switch (event.type) {
    case 'fine': {
      const { payer, amount, currency, reason } = fine(event.params, inputs);
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
      const value = amountOf(event.params.value, label, inputs);
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

function fine(params: FineParams, inputs: OutcomeInputs): Omit<Fine, 'source'> {
  return {
    payer: party(params.payer, inputs.lookup),
    amount: amountOf(params.amount, params.reason, inputs),
    currency: 'CNY',
    reason: params.reason,
  };
}

function deadline(params: DeadlineParams, source: OutcomeSource, inputs: OutcomeInputs): Deadline {
  const { id, calendar } = inputs.calendar(params.calendar);
  // Instants are epoch ms (NaN: none) until they are written out.
  const start = instantOf(inputs, params.from, calendar.offsets);
  const amount = evaluateExpr(params.limit.amount, inputs.lookup, exprEnv(inputs));
  const due = !Number.isNaN(start) && amount !== null ? safeDueTime(start, params, amount, calendar) : Number.NaN;
  const met = params.metBy ? instantOf(inputs, params.metBy, calendar.offsets) : Number.NaN;
  const isMet = !Number.isNaN(met);
  const hasDue = !Number.isNaN(due);
  const reference = isMet ? met : inputs.now;
  const breached = hasDue && reference > due;
  // Object literals without spreads (the properties in the same order): they cost less.
  const limit: Deadline['limit'] = params.limit.at
    ? { unit: params.limit.unit, amount: amount ?? 0, at: params.limit.at }
    : { unit: params.limit.unit, amount: amount ?? 0 };
  const startedAt = Number.isNaN(start) ? null : formatInstant(start);
  const dueAt = hasDue ? formatInstant(due) : null;
  const metAt = isMet ? formatInstant(met) : null;
  const state = breached ? 'breached' : isMet ? 'met' : 'open';
  const overdueMs = breached ? reference - due : 0;
  const remindAt = hasDue && params.remindMinutesBefore ? formatInstant(timeClip(due - params.remindMinutesBefore * 60_000)) : null;
  const what = params.what;
  if (params.owner) {
    const owner = party(params.owner, inputs.lookup);
    const fines = breachFines(params, inputs);
    return {
      source,
      key: params.key,
      what,
      limit,
      calendar: id,
      startedAt,
      dueAt,
      metAt,
      state,
      overdueMs,
      remindAt,
      owner,
      breachFines: fines,
    };
  }
  const fines = breachFines(params, inputs);
  return { source, key: params.key, what, limit, calendar: id, startedAt, dueAt, metAt, state, overdueMs, remindAt, breachFines: fines };
}

function instantOf(inputs: OutcomeInputs, name: string, zone: ZoneOffsets): number {
  return inputs.instants ? inputs.instants.instant(name, zone) : instantMsOf(inputs.lookup(name), zone);
}

/** The fines of a deadline's breach (a loop: an evaluation creates no functions). */
function breachFines(params: DeadlineParams, inputs: OutcomeInputs): Omit<Fine, 'source'>[] {
  const fines = params.onBreach?.fines ?? [];
  const result: Omit<Fine, 'source'>[] = [];
  for (const f of fines) result.push(fine(f, inputs));
  return result;
}

/** A due time beyond what the calendar can count (ten years, or a negative working limit) is "none" (NaN). */
function safeDueTime(start: number, params: DeadlineParams, amount: number, calendar: WorkingCalendar): number {
  try {
    return dueTimeMs(start, params.limit.unit, amount, calendar, params.limit.at);
  } catch (error) {
    if (error instanceof RangeError) return Number.NaN;
    throw error;
  }
}

function amountOf(expr: Parameters<typeof evaluateExpr>[0], label: LocalizedText, inputs: OutcomeInputs): number {
  const value = evaluateExpr(expr, inputs.lookup, exprEnv(inputs));
  if (value !== null) return value;
  inputs.warnings.push({
    // Named by what people read (the fine's reason, the amount's label), never by the rule's code.
    'zh-CN': `“${label['zh-CN']}”的金额无法计算（所需字段为空），暂记为 0`,
    en: `The amount of "${label.en}" cannot be computed (a field it needs is empty); counted as 0`,
  });
  return 0;
}

/** What date functions in amounts read: the rule set's calendars and the zone of its own calendar (looked up only when used). */
function exprEnv(inputs: OutcomeInputs): ExprEnv {
  return (inputs.exprEnv ??= {
    timeZone: inputs.calendar(undefined).calendar.timeZone,
    calendar: (id) => inputs.calendar(id).calendar,
  });
}

/** Who a party is; each shape written as one literal (adding properties one by one changes an object's shape each time). */
function party(p: Party, lookup: FactLookup): Party & { person?: string } {
  const { role, personField } = p;
  if (personField === undefined) return { role };
  const person = lookup(personField);
  return typeof person === 'string' && person !== '' ? { role, personField, person } : { role, personField };
}
