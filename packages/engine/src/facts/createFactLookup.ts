import { instantMsOf } from '../calendar/parseInstant.js';
import type { WorkingCalendar } from '../calendar/WorkingCalendar.js';
import type { ZoneOffsets } from '../calendar/zoneOffsets.js';
import { evaluateExprValue, type ExprEnv } from '../expr/evaluateExpr.js';
import type { DerivedFact } from '../rules/RuleSetFile.js';
import { FactPlans } from './FactPlans.js';
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

const HOUR = 3_600_000;

/**
 * The value of any fact for one evaluation: record fields by safe path, `$status`, derived
 * working-time and computed facts, and history facts from the caller. Missing values are null
 * (so `equal null` means "empty"). Each fact is computed once. A class so that an evaluation creates no
 * closures: `lookup` is its `value` bound. Each fact is kept at its slot of the rule set's plans
 * (`FactPlans`) in `values`, the array a compiled rule set's run reads too (`runRuleSet`'s
 * `values`: its leaves read the first slots).
 */
export class RecordFacts {
  /** Facts past the plans' limit (a fact without a slot); made when first needed. */
  private cache: Map<string, unknown> | undefined;
  /** Derived facts being computed (one that reads itself, directly or not, reads null). */
  private computing: string[] | undefined;
  /** What computed facts' date functions read (made when first needed). */
  private env: ExprEnv | undefined;
  /** Date and date-time facts read as instants in the rule set's zone, by slot (undefined: not read yet). */
  private instants: number[] | undefined;
  readonly lookup: FactLookup;
  /** `instant`, bound (what an outcome reads deadlines' times with). */
  readonly instantLookup: (name: string, zone: ZoneOffsets) => number;
  readonly values: unknown[];

  constructor(
    private readonly inputs: FactInputs,
    private readonly plans: FactPlans = new FactPlans(inputs.derived),
  ) {
    this.lookup = this.value.bind(this);
    this.instantLookup = this.instant.bind(this);
    this.values = new Array<unknown>(plans.size);
  }

  value(name: string): unknown {
    const plan = this.plans.plan(name);
    const slot = plan.slot;
    // Values are never undefined (missing is null): one read answers both "known?" and "what?".
    const known = slot < 0 ? this.cache?.get(name) : this.values[slot];
    if (known !== undefined) return known;
    let value: unknown;
    if (plan.status) value = this.inputs.status;
    else if (!plan.derived) value = walkFieldPath(this.inputs.data, plan.segments);
    else {
      // Only a derived fact reads other facts, and so only it can come back to itself.
      const computing = (this.computing ??= []);
      if (computing.includes(name)) return null;
      // A derivation that throws stays "being computed", so the fact reads null from then on.
      computing.push(name);
      value = this.derive(name, plan.derived);
      computing.pop();
    }
    value ??= null;
    if (slot < 0) (this.cache ??= new Map()).set(name, value);
    else this.values[slot] = value;
    return value;
  }

  /**
   * A fact's value read as an instant (`instantMsOf`: epoch ms, NaN for none) in `zone`; read once
   * per evaluation in the rule set's own zone (deadlines and elapsed-time facts often start at the same field).
   */
  instant(name: string, zone: ZoneOffsets): number {
    if (zone !== this.inputs.zone) return instantMsOf(this.value(name), zone);
    const slot = this.plans.plan(name).slot;
    if (slot < 0) return instantMsOf(this.value(name), zone);
    const instants = (this.instants ??= new Array<number>(this.values.length));
    const known = instants[slot];
    if (known !== undefined) return known;
    return (instants[slot] = instantMsOf(this.value(name), zone));
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
