import type { CalendarFile } from '../calendar/CalendarFile.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import { caseName } from '../rules/caseName.js';
import type { RuleTestCase } from '../rules/RuleSetFile.js';
import type { Evaluation } from './Evaluation.js';
import type { Policy } from './compilePolicy.js';
import { compareValues, type ValueDifference, type ZoneOf } from './ruleTestValues.js';

export interface RuleTestResult {
  /** The case's name in both languages (an older file's single string in each). */
  name: LocalizedText;
  passed: boolean;
  /** Rules of the rule set that fired. */
  fired: string[];
  /** Expected to fire but did not. */
  missing: string[];
  /** Fired but not expected (only counted when the case is `exact`). */
  unexpected: string[];
  /** The sample record does not fit the form. */
  invalid: boolean;
  /** Expected values (`expect`) the outcome does not show, with what it shows instead. */
  differences: ValueDifference[];
  evaluation: Evaluation;
}

export interface RunRuleTestsOptions {
  /** The calendars the policy was compiled with: their zones read and show expected due times. */
  calendars?: readonly CalendarFile[];
}

/**
 * Runs the test cases saved with a rule set against a compiled policy: the rules each case
 * expects must fire (and only those, when `exact`), on a record valid for the form, and the values
 * it expects (`expect`: due times, amounts, fines, approvers) must be those of the outcome.
 */
export async function runRuleTests(
  policy: Policy,
  ruleSetId: string,
  tests: readonly RuleTestCase[],
  options: RunRuleTestsOptions = {},
): Promise<RuleTestResult[]> {
  const zoneOf: ZoneOf = (id) => options.calendars?.find((c) => c.id === id)?.timeZone ?? 'Asia/Shanghai';
  return Promise.all(
    tests.map(async (test) => {
      const evaluation = await policy.evaluate(test.record, {
        now: test.now,
        ...(test.status ? { status: test.status } : {}),
        ...(test.history ? { history: { [ruleSetId]: test.history } } : {}),
      });
      const fired = evaluation.explanation.filter((r) => r.ruleSet === ruleSetId && r.fired).map((r) => r.rule);
      const missing = test.expectFired.filter((name) => !fired.includes(name));
      const unexpected = test.exact ? fired.filter((name) => !test.expectFired.includes(name)) : [];
      const invalid = !evaluation.valid;
      const differences = test.expect ? compareValues(test.expect, evaluation, ruleSetId, zoneOf) : [];
      return {
        name: caseName(test.name),
        passed: !invalid && missing.length === 0 && unexpected.length === 0 && differences.length === 0,
        fired,
        missing,
        unexpected,
        invalid,
        differences,
        evaluation,
      };
    }),
  );
}
