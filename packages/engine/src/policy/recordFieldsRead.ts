import { exprFacts } from '../expr/exprFacts.js';
import type { Expr } from '../expr/Expr.js';
import type { OutcomeEvent, Party } from '../outcome/OutcomeEvent.js';
import { collectFacts } from '../rules/collectFacts.js';
import { STATUS_FACT } from '../rules/factCatalog.js';
import type { RuleSetFile } from '../rules/RuleSetFile.js';

/** The fact names an outcome event reads (start and end fields, persons, amounts). */
function eventFacts(event: OutcomeEvent): string[] {
  const party = (p: Party | undefined) => (p?.personField === undefined ? [] : [p.personField]);
  const amount = (expr: Expr) => exprFacts(expr);
  switch (event.type) {
    case 'fine':
      return [...party(event.params.payer), ...amount(event.params.amount)];
    case 'deadline': {
      const p = event.params;
      const fines = p.onBreach?.fines ?? [];
      return [
        p.from,
        ...(p.metBy === undefined ? [] : [p.metBy]),
        ...amount(p.limit.amount),
        ...party(p.owner),
        ...fines.flatMap((f) => [...party(f.payer), ...amount(f.amount)]),
      ];
    }
    case 'amount':
      return amount(event.params.value);
    case 'notify':
      return party(event.params.to);
    case 'approval':
    case 'block':
      return [];
  }
}

/**
 * The record's top-level fields an evaluation of these rule sets can read: the fields the enabled
 * rules' conditions (shared ones included) and events read, directly or through the rule set's
 * derived facts. An evaluation of the same rule sets on a record cut down to these fields gives
 * the same outcome and trace (a field it does not read cannot change them). Undefined when a rule
 * set declares history facts (their queries read the record as a whole on the server).
 */
export function recordFieldsRead(ruleSets: readonly RuleSetFile[]): string[] | undefined {
  const fields = new Set<string>();
  for (const ruleSet of ruleSets) {
    const derived = ruleSet.facts ?? {};
    const seen = new Set<string>();
    let history = false;
    const visit = (name: string): void => {
      if (seen.has(name) || name === STATUS_FACT) return;
      seen.add(name);
      const fact = Object.hasOwn(derived, name) ? derived[name]! : undefined;
      if (fact === undefined) fields.add(name.split('.')[0]!);
      else if (fact.kind === 'history') history = true;
      else if (fact.kind === 'computed') exprFacts(fact.value).forEach(visit);
      // A linked record's fact: the server reads the link field of this record.
      else if (fact.kind === 'linked') fields.add(fact.field.split('.')[0]!);
      else {
        visit(fact.from);
        if (fact.to !== undefined) visit(fact.to);
      }
    };
    for (const condition of Object.values(ruleSet.conditions ?? {})) collectFacts(condition).forEach(visit);
    for (const rule of ruleSet.rules) {
      if (rule.enabled === false) continue;
      collectFacts(rule.conditions).forEach(visit);
      eventFacts(rule.event).forEach(visit);
    }
    if (history) return undefined;
  }
  return [...fields].sort();
}
