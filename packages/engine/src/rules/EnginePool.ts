import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { resolveJsonPath } from '../facts/resolveJsonPath.js';

/**
 * json-rules-engine keeps run state on its Engine: two overlapping `run()` calls on one Engine
 * silently skip rules. The pool lends each evaluation an Engine of its own and takes it back
 * when the run ends, so concurrent evaluations never share one.
 */
export class EnginePool {
  private readonly idle: Engine[] = [];

  constructor(
    private readonly rules: RuleProperties[],
    private readonly sharedConditions: Record<string, TopLevelCondition>,
    private readonly maxIdle = 16,
  ) {}

  async run<T>(use: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.idle.pop() ?? this.create();
    try {
      return await use(engine);
    } finally {
      if (this.idle.length < this.maxIdle) this.idle.push(engine);
    }
  }

  private create(): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveJsonPath });
    for (const [name, condition] of Object.entries(this.sharedConditions)) engine.setCondition(name, condition);
    for (const rule of this.rules) engine.addRule(rule);
    return engine;
  }
}
