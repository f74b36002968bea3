import { compilePolicy } from '@aftersales/engine';
import type { ImpactPlan } from './ImpactPlan.js';
import { monthFormatter, type PolicyPair } from './replayRecord.js';

/** Compiles a plan's two policies (once per plan, on whichever thread replays it). */
export function compilePair(plan: ImpactPlan): PolicyPair {
  return {
    before: plan.before ? compilePolicy(plan.before) : null,
    after: compilePolicy(plan.after),
    timeZone: plan.timeZone,
    monthOf: monthFormatter(plan.timeZone),
  };
}
