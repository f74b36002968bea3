import { instantMsOf } from '../calendar/parseInstant.js';
import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import type { ZoneOffsets } from '../calendar/zoneOffsets.js';
import { evaluateExprValue, type ExprEnv } from '../expr/evaluateExpr.js';
import type { DerivedFact } from '../rules/RuleSetFile.js';
import type { FactSource } from '../rules/compileConditions.js';
import { FactPlans, type FactPlan } from './FactPlans.js';
import { walkFieldPath } from './resolveFieldPath.js';

export interface FactInputs {
  data: unknown;
  status: string | null;
  /** The moment of evaluation, epoch ms. */
  now: number;
  /** History and linked fact values supplied by the caller, by fact name. */
  history: Readonly<Record<string, unknown>>;
  derived: Readonly<Record<string, DerivedFact>>;
  calendar: (id: string | undefined) => WorkingCalendar;
  /** The rule set's time zone, in which dates and local date-times are read. */
  zone: ZoneOffsets;
}

export type FactLookup = (name: string) => unknown;

/** Where an outcome reads a fact as an instant in a zone (epoch ms, NaN for none). */
export interface InstantSource {
  instant(name: string, zone: ZoneOffsets): number;
}

const HOUR = 3_600_000;

/**
 * The value of any fact for one evaluation: record fields by safe path, `$status`, derived
 * working-time and computed facts, and history facts from the caller. Missing values are null
 * (so `equal null` means "empty"). Each fact is computed once. A class so that an evaluation creates no
 * closures: `lookup` is its `value` bound, made only when asked for; compiled rules read `valueAt`. Each fact is kept at its slot of the rule set's plans
 * (`FactPlans`) in `values`, the array a compiled rule set's run reads too (`runRuleSet`'s
 * `values`: its leaves read the first slots).
 */
export class RecordFacts implements FactSource, InstantSource {
  /** Facts past the plans' limit (a fact without a slot); made when first needed. */
  private cache: Map<string, unknown> | undefined;
  /** Derived facts being computed (one that reads itself, directly or not, reads null). */
  private computing: string[] | undefined;
  /** What computed facts' date functions read (made when first needed). */
  private env: ExprEnv | undefined;
  /** Date and date-time facts read as instants in the rule set's zone, by slot (undefined: not read yet). */
  private instants: number[] | undefined;
  private bound: FactLookup | undefined;
  readonly values: unknown[];

  constructor(
    private readonly inputs: FactInputs,
    private readonly plans: FactPlans = new FactPlans(inputs.derived),
  ) {
    this.values = new Array<unknown>(plans.size);
  }

  /** `value`, bound (made on first use: most evaluations read facts by slot). */
  get lookup(): FactLookup {
    return (this.bound ??= this.value.bind(this));
  }

  value(name: string): unknown {
    return this.valueOf(this.plans.plan(name));
  }

  /** `value` of a fact a compiled leaf knows the slot of (`FactSource`). */
  valueAt(slot: number, name: string): unknown {
    return this.valueOf(this.plans.planAt(slot, name));
  }

  private valueOf(plan: FactPlan): unknown {
    const slot = plan.slot;
    // Values are never undefined (missing is null): one read answers both "known?" and "what?".
    const known = slot < 0 ? this.cache?.get(plan.name) : this.values[slot];
    if (known !== undefined) return known;
    let value: unknown;
    if (plan.status) value = this.inputs.status;
    else if (!plan.derived)
      value = plan.key === undefined ? walkFieldPath(this.inputs.data, plan.segments) : fieldOf(this.inputs.data, plan);
    else {
      // Only a derived fact reads other facts, and so only it can come back to itself.
      const name = plan.name;
      const computing = (this.computing ??= []);
      if (computing.includes(name)) return null;
      // A derivation that throws stays "being computed", so the fact reads null from then on.
      computing.push(name);
      value = this.derive(name, plan.derived);
      computing.pop();
    }
    value ??= null;
    if (slot < 0) (this.cache ??= new Map()).set(plan.name, value);
    else this.values[slot] = value;
    return value;
  }

  /**
   * A fact's value read as an instant (`instantMsOf`: epoch ms, NaN for none) in `zone`; read once
   * per evaluation in the rule set's own zone (deadlines and elapsed-time facts often start at the same field).
   */
  instant(name: string, zone: ZoneOffsets): number {
    if (zone !== this.inputs.zone) return instantMsOf(this.value(name), zone);
    const plan = this.plans.plan(name);
    const slot = plan.slot;
    if (slot < 0) return instantMsOf(this.valueOf(plan), zone);
    const instants = (this.instants ??= new Array<number>(this.values.length));
    const known = instants[slot];
    if (known !== undefined) return known;
    return (instants[slot] = instantMsOf(this.valueOf(plan), zone));
  }

  private derive(name: string, derived: DerivedFact): unknown {
    const inputs = this.inputs;
    switch (derived.kind) {
      case 'history':
      case 'linked':
        return Object.hasOwn(inputs.history, name) ? inputs.history[name] : null;
      case 'computed':
        return evaluateExprValue(derived.value, this.lookup, (this.env ??= { timeZone: inputs.zone.timeZone, calendar: inputs.calendar }));
      case 'workingHours':
      case 'workingDays':
      case 'hours':
      case 'days': {
        const from = this.instant(derived.from, inputs.zone);
        const until = derived.to === undefined ? Number.NaN : this.instant(derived.to, inputs.zone);
        const to = Number.isNaN(until) ? inputs.now : until;
        if (Number.isNaN(from)) return null;
        if (derived.kind === 'hours') return (to - from) / HOUR;
        if (derived.kind === 'days') return (to - from) / (24 * HOUR);
        const calendar = inputs.calendar(derived.calendar);
        try {
          return derived.kind === 'workingHours' ? calendar.workingMsBetweenMs(from, to) / HOUR : calendar.workingDaysBetweenMs(from, to);
        } catch (error) {
          // The calendar counts at most ten years; further apart is "unknown", not a crash.
          if (error instanceof RangeError) return null;
          throw error;
        }
      }
    }
  }
}

/** A one-segment field of the record (the usual fact): `walkFieldPath` of it, without the walk when the record is an object. */
function fieldOf(data: unknown, plan: FactPlan): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return walkFieldPath(data, plan.segments);
  const key = plan.key!;
  return Object.prototype.hasOwnProperty.call(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}
