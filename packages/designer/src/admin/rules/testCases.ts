import {
  caseName,
  compilePolicy,
  runRuleTests,
  type CalendarFile,
  type Evaluation,
  type FormDefinition,
  type RuleSetFile,
  type RuleTestResult,
} from '@aftersales/engine';

export interface DraftInput {
  form: FormDefinition;
  ruleSet: RuleSetFile;
  calendars: readonly CalendarFile[];
}

const compileDraft = (input: DraftInput) =>
  compilePolicy({ form: input.form, formVersion: 0, ruleSets: [{ definition: input.ruleSet, version: 0 }], calendars: input.calendars });

/** Evaluates a draft rule set (with its form) in the browser, with the engine the server runs. */
export async function evaluateDraft(
  input: DraftInput,
  record: unknown,
  context: { now: string; status?: string; history?: Record<string, number> },
): Promise<Evaluation> {
  return compileDraft(input).evaluate(record, {
    now: context.now,
    ...(context.status ? { status: context.status } : {}),
    history: { [input.ruleSet.id]: context.history ?? {} },
  });
}

export type TestCaseResult = Omit<RuleTestResult, 'evaluation'> & { error?: string };

/** Every saved test case of the draft, through the engine's runRuleTests (what the server runs before publishing). */
export async function runTestCases(input: DraftInput): Promise<TestCaseResult[]> {
  const tests = input.ruleSet.tests ?? [];
  try {
    const results = await runRuleTests(compileDraft(input), input.ruleSet.id, tests, { calendars: input.calendars });
    return results.map(({ evaluation: _evaluation, ...rest }) => rest);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return tests.map((t) => ({
      name: caseName(t.name),
      passed: false,
      fired: [],
      missing: t.expectFired,
      unexpected: [],
      invalid: false,
      differences: [],
      error: message,
    }));
  }
}
