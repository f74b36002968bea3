import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { resolveJsonPath } from '../facts/resolveJsonPath.js';
import { CUSTOM_OPERATORS } from '../rules/customOperators.js';

/**
 * json-rules-engine keeps run state on its Engine: two overlapping `run()` calls on one Engine
 * silently skip rules. The pool lends each evaluation an Engine of its own and takes it back
 * when the run ends, so concurrent evaluations never share one. An Engine whose run failed is
 * dropped: the rest of that run still settles later and would mark the Engine finished under the
 * next one. (The product evaluates with compiled rules; this is the reference the tests compare with.)
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
    const result = await use(engine);
    if (this.idle.length < this.maxIdle) this.idle.push(engine);
    return result;
  }

  private create(): Engine {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveJsonPath });
    for (const [name, operator] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, operator.compare);
    for (const [name, condition] of Object.entries(this.sharedConditions)) engine.setCondition(name, condition);
    for (const rule of this.rules) engine.addRule(rule);
    return engine;
  }
}
