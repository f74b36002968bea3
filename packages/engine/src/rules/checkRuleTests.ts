import { parseInstant } from '../calendar/parseInstant.js';
import type { RuleSetFile } from './RuleSetFile.js';
import type { SemanticIssue } from './SemanticIssue.js';

/**
 * The semantic checks of a rule set's saved test cases, beyond the meta-schema: each expected
 * deadline and amount is one a rule of the set produces, each due time exists, and fine payers and
 * approvers are roles of the roles file (when known).
 */
export function checkRuleTests(ruleSet: RuleSetFile, roles?: ReadonlySet<string>): SemanticIssue[] {
  const deadlineKeys = new Set<string>();
  const amountNames = new Set<string>();
  for (const rule of ruleSet.rules) {
    if (rule.event.type === 'deadline') deadlineKeys.add(rule.event.params.key);
    if (rule.event.type === 'amount') amountNames.add(rule.event.params.name);
  }
  const issues: SemanticIssue[] = [];
  const checkRole = (role: string, path: (string | number)[]) => {
    if (roles && !roles.has(role)) issues.push({ path, code: 'rules.unknownRole', params: { role } });
  };
  ruleSet.tests?.forEach((test, i) => {
    const expect = test.expect;
    if (!expect) return;
    const at = ['tests', i, 'expect'];
    for (const [key, due] of Object.entries(expect.deadlines ?? {})) {
      if (!deadlineKeys.has(key)) issues.push({ path: [...at, 'deadlines', key], code: 'rules.testUnknownDeadline', params: { key } });
      else if (due !== null && parseInstant(due, 'UTC') === null)
        issues.push({ path: [...at, 'deadlines', key], code: 'rules.testBadTime', params: { value: due } });
    }
    for (const name of Object.keys(expect.amounts ?? {}))
      if (!amountNames.has(name)) issues.push({ path: [...at, 'amounts', name], code: 'rules.testUnknownAmount', params: { name } });
    expect.fines?.forEach((fine, j) => checkRole(fine.payer, [...at, 'fines', j, 'payer']));
    expect.approvals?.forEach((role, j) => checkRole(role, [...at, 'approvals', j]));
  });
  return issues;
}
