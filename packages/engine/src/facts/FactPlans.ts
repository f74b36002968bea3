import type { DerivedFact } from '../rules/RuleSetFile.js';
import { STATUS_FACT } from '../rules/factCatalog.js';

/** How one fact of a rule set is read, worked out once per rule set version (not per evaluation). */
export interface FactPlan {
  name: string;
  /** Where an evaluation keeps its value (`RecordFacts.values`). */
  slot: number;
  /** `$status`. */
  status: boolean;
  /** A derived fact of the rule set's `facts`, else a record field. */
  derived: DerivedFact | undefined;
  /** A record field's path, split at dots. */
  segments: string[];
  /** A record field's name when its path has one segment (the usual field), else undefined. */
  key: string | undefined;
}

/** Fact names a rule set can be asked for beyond its own (a record field of an outcome, ...) before the plans start over. */
const MAX_PLANS = 10_000;

/**
 * The fact plans of a rule set, by name: those its leaves read first, at the slots the compiled
 * rules read them at (`CompiledRuleSet.slots`), then any other name on first use.
 */
export class FactPlans {
  private readonly byName = new Map<string, FactPlan>();
  /** The plans by slot (what a compiled rule's leaf knows its fact by). */
  private readonly bySlot: FactPlan[] = [];

  constructor(
    private readonly derived: Readonly<Record<string, DerivedFact>>,
    slots: ReadonlyMap<string, number> = new Map(),
  ) {
    for (const [name, slot] of slots) this.byName.set(name, this.planOf(name, slot));
  }

  /** How many slots an evaluation needs for the facts planned so far. */
  get size(): number {
    return this.byName.size;
  }

  /** The plan of a fact; past 10,000 names one without a slot (-1: its evaluation keeps it in a map). */
  plan(name: string): FactPlan {
    let plan = this.byName.get(name);
    if (plan === undefined) {
      if (this.byName.size >= MAX_PLANS) return this.planOf(name, -1);
      plan = this.planOf(name, this.byName.size);
      this.byName.set(name, plan);
    }
    return plan;
  }

  /** `plan(name)` when the caller knows the slot the fact is planned at (a compiled leaf), without looking the name up. */
  planAt(slot: number, name: string): FactPlan {
    const plan = this.bySlot[slot];
    return plan !== undefined && plan.name === name ? plan : this.plan(name);
  }

  private planOf(name: string, slot: number): FactPlan {
    const segments = name.split('.');
    const plan: FactPlan = {
      name,
      slot,
      status: name === STATUS_FACT,
      derived: Object.hasOwn(this.derived, name) ? this.derived[name] : undefined,
      segments,
      key: segments.length === 1 ? name : undefined,
    };
    if (slot >= 0) this.bySlot[slot] = plan;
    return plan;
  }
}
