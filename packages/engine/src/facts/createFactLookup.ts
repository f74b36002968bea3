import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import { evaluateExprValue, type ExprEnv } from '../expr/evaluateExpr.js';
import type { DerivedFact } from '../rules/RuleSetFile.js';
import { STATUS_FACT } from '../rules/factCatalog.js';
import { rememberInstant } from './rememberInstant.js';
import { resolveFieldPath } from './resolveFieldPath.js';

export interface FactInputs {
  data: unknown;
  status: string | null;
  now: Date;
  /** History fact values supplied by the caller, by fact name. */
  history: Readonly<Record<string, unknown>>;
  derived: Readonly<Record<string, DerivedFact>>;
  calendar: (id: string | undefined) => WorkingCalendar;
  timeZone: string;
}

export type FactLookup = (name: string) => unknown;

const HOUR = 3_600_000;

/**
 * The value of any fact for one evaluation: record fields by safe path, `$status`, derived
 * working-time and computed facts, and history facts from the caller. Missing values are null
 * (so `equal null` means "empty"). Each fact is computed once.
 */
export function createFactLookup(inputs: FactInputs): FactLookup {
  const cache = new Map<string, unknown>();
  const computing = new Set<string>();
  const lookup: FactLookup = (name) => {
    if (cache.has(name)) return cache.get(name);
    if (computing.has(name)) return null;
    computing.add(name);
    const value = compute(name) ?? null;
    computing.delete(name);
    cache.set(name, value);
    return value;
  };

  const env: ExprEnv = { timeZone: inputs.timeZone, calendar: inputs.calendar };
  const compute = (name: string): unknown => {
    if (name === STATUS_FACT) return inputs.status;
    const derived = Object.hasOwn(inputs.derived, name) ? inputs.derived[name] : undefined;
    if (!derived) return resolveFieldPath(inputs.data, name);
    switch (derived.kind) {
      case 'history':
        return Object.hasOwn(inputs.history, name) ? inputs.history[name] : null;
      case 'computed':
        return evaluateExprValue(derived.value, lookup, env);
      case 'workingHours':
      case 'workingDays':
      case 'hours':
      case 'days': {
        const from = rememberInstant(lookup(derived.from), inputs.timeZone);
        const to = (derived.to === undefined ? null : rememberInstant(lookup(derived.to), inputs.timeZone)) ?? inputs.now;
        if (!from) return null;
        if (derived.kind === 'hours') return (to.getTime() - from.getTime()) / HOUR;
        if (derived.kind === 'days') return (to.getTime() - from.getTime()) / (24 * HOUR);
        const calendar = inputs.calendar(derived.calendar);
        try {
          return derived.kind === 'workingHours' ? calendar.workingHoursBetween(from, to) : calendar.workingDaysBetween(from, to);
        } catch (error) {
          // The calendar counts at most ten years; further apart is "unknown", not a crash.
          if (error instanceof RangeError) return null;
          throw error;
        }
      }
    }
  };
  return lookup;
}
