import { caseName, type CaseName, type RuleTestCase } from '@aftersales/engine';

/**
 * Two case names are the same case when they agree in either language (so that naming an older
 * file's one-string case in the other language, or translating it, replaces it rather than adding one).
 */
export function sameCaseName(a: CaseName, b: CaseName): boolean {
  const x = caseName(a);
  const y = caseName(b);
  return x['zh-CN'] === y['zh-CN'] || x.en === y.en;
}

/** The saved cases with `test` saved: in the place of the case of the same name, else added last. */
export function withSavedCase(tests: readonly RuleTestCase[], test: RuleTestCase): RuleTestCase[] {
  const at = tests.findIndex((c) => sameCaseName(c.name, test.name));
  return at === -1 ? [...tests, test] : tests.map((c, i) => (i === at ? test : c));
}
