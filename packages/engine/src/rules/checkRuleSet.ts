import type { FormDefinition } from '../forms/FormDefinition.js';
import type { Expr } from '../expr/Expr.js';
import { exprFacts } from '../expr/exprFacts.js';
import { exprChildren } from '../expr/exprChildren.js';
import { checkExprTypes } from '../expr/checkExprTypes.js';
import { fieldAt } from '../forms/fieldAt.js';
import type { OutcomeEvent, Party } from '../outcome/OutcomeEvent.js';
import type { DerivedFact, RuleSetFile, TopLevelCondition, NestedCondition } from './RuleSetFile.js';
import { checkConditionTree, asFactReference } from './checkConditionTree.js';
import { exprFactKind, factCatalog, isDateLike, type FactCatalog } from './factCatalog.js';
import type { SemanticIssue } from './SemanticIssue.js';
import { checkTables } from '../tables/checkTables.js';

type Path = (string | number)[];

export interface RuleSetCheckContext {
  forms: ReadonlyMap<string, FormDefinition>;
  calendars: ReadonlySet<string>;
  /** Policy role ids; without a roles file, roles are not checked. */
  roles?: ReadonlySet<string>;
}

const WORKING_UNITS = new Set(['workingHours', 'workingDays', 'endOfWorkingDay']);

/** The semantic checks of a rule set, beyond its meta-schema. Returns every issue found. */
export function checkRuleSet(ruleSet: RuleSetFile, context: RuleSetCheckContext): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const form = context.forms.get(ruleSet.form);
  if (!form) return [{ path: ['form'], code: 'rules.unknownForm', params: { form: ruleSet.form } }];
  if (ruleSet.calendar !== undefined && !context.calendars.has(ruleSet.calendar)) {
    issues.push({ path: ['calendar'], code: 'rules.unknownCalendar', params: { calendar: ruleSet.calendar } });
  }
  const facts = factCatalog(form, ruleSet);
  const check = { form, facts, context, hasCalendar: (c?: string) => c !== undefined || ruleSet.calendar !== undefined };

  for (const [name, fact] of Object.entries(ruleSet.facts ?? {})) issues.push(...checkDerivedFact(fact, ['facts', name], check));

  const shared = ruleSet.conditions ?? {};
  const sharedNames = new Set(Object.keys(shared));
  for (const [name, condition] of Object.entries(shared)) {
    issues.push(...checkConditionTree(condition, ['conditions', name], facts, sharedNames));
    if (reaches(condition, name, shared, new Set()))
      issues.push({ path: ['conditions', name], code: 'rules.conditionCycle', params: { name } });
  }

  const seen = new Set<string>();
  ruleSet.rules.forEach((rule, i) => {
    if (seen.has(rule.name)) issues.push({ path: ['rules', i, 'name'], code: 'rules.duplicateRuleName', params: { name: rule.name } });
    seen.add(rule.name);
    issues.push(...checkConditionTree(rule.conditions, ['rules', i, 'conditions'], facts, sharedNames));
    issues.push(...checkEvent(rule.event, ['rules', i, 'event', 'params'], check));
  });
  issues.push(...checkTables(ruleSet, facts, context.roles));
  return issues;
}

interface Check {
  form: FormDefinition;
  facts: FactCatalog;
  context: RuleSetCheckContext;
  hasCalendar: (calendar?: string) => boolean;
}

function checkDerivedFact(fact: DerivedFact, path: Path, check: Check): SemanticIssue[] {
  if (fact.kind === 'computed') return checkExpr(fact.value, [...path, 'value'], check, 'any');
  if (fact.kind === 'history') return checkHistoryFact(fact, path, check);
  if (fact.kind === 'linked') return checkLinkedFact(fact, path, check);
  const issues = [
    ...checkDateField(fact.from, [...path, 'from'], check),
    ...(fact.to ? checkDateField(fact.to, [...path, 'to'], check) : []),
  ];
  issues.push(...checkCalendar(fact.calendar, [...path, 'calendar'], check));
  if ((fact.kind === 'workingHours' || fact.kind === 'workingDays') && !check.hasCalendar(fact.calendar)) {
    issues.push({ path, code: 'rules.noCalendar' });
  }
  return issues;
}

/** A linked fact names a link field of the form and a field (or the status) of the linked form. */
function checkLinkedFact(fact: Extract<DerivedFact, { kind: 'linked' }>, path: Path, check: Check): SemanticIssue[] {
  const link = fieldAt(check.form.schema, fact.field);
  const linkSchema = check.form.schema.properties?.[fact.field];
  if (!link || linkSchema?.['x-kind'] !== 'link' || typeof linkSchema['x-linkForm'] !== 'string')
    return [{ path: [...path, 'field'], code: 'rules.notALink', params: { field: fact.field } }];
  const target = check.context.forms.get(linkSchema['x-linkForm']);
  if (!target) return [{ path: [...path, 'field'], code: 'rules.unknownForm', params: { form: linkSchema['x-linkForm'] } }];
  if (fact.path === '$status' ? !target.statusFlow : !fieldAt(target.schema, fact.path))
    return [{ path: [...path, 'path'], code: 'rules.unknownFact', params: { fact: fact.path } }];
  return [];
}

function checkHistoryFact(fact: Extract<DerivedFact, { kind: 'history' }>, path: Path, check: Check): SemanticIssue[] {
  const { query } = fact;
  const target = query.form === undefined ? check.form : check.context.forms.get(query.form);
  if (!target) return [{ path: [...path, 'query', 'form'], code: 'rules.unknownForm', params: { form: query.form ?? '' } }];
  const issues: SemanticIssue[] = [];
  const fieldIssue = (field: string, at: Path): SemanticIssue[] =>
    fieldAt(target.schema, field) ? [] : [{ path: at, code: 'rules.unknownFact', params: { fact: field } }];
  if (query.field) issues.push(...fieldIssue(query.field, [...path, 'query', 'field']));
  query.where?.forEach((filter, i) => {
    issues.push(...fieldIssue(filter.field, [...path, 'query', 'where', i, 'field']));
    const ref = asFactReference(filter.value);
    if (ref === undefined) return;
    const own = check.facts(ref);
    if (!own) issues.push({ path: [...path, 'query', 'where', i, 'value'], code: 'rules.unknownFact', params: { fact: ref } });
    else if (own.source !== 'field' && own.source !== 'status') {
      issues.push({ path: [...path, 'query', 'where', i, 'value'], code: 'rules.historyInRecord', params: { fact: ref } });
    }
  });
  return issues;
}

function checkEvent(event: OutcomeEvent, path: Path, check: Check): SemanticIssue[] {
  switch (event.type) {
    case 'fine':
      return [...checkParty(event.params.payer, [...path, 'payer'], check), ...checkExpr(event.params.amount, [...path, 'amount'], check)];
    case 'approval':
      return [
        ...checkRole(event.params.approver, [...path, 'approver'], check),
        ...checkStatus(event.params.before, [...path, 'before'], check),
      ];
    case 'amount':
      return checkExpr(event.params.value, [...path, 'value'], check);
    case 'block':
      return event.params.before === undefined ? [] : checkStatus(event.params.before, [...path, 'before'], check);
    case 'notify':
      return checkParty(event.params.to, [...path, 'to'], check);
    case 'deadline': {
      const p = event.params;
      const issues = [
        ...checkDateField(p.from, [...path, 'from'], check),
        ...checkExpr(p.limit.amount, [...path, 'limit', 'amount'], check),
      ];
      if (p.metBy && !check.facts(p.metBy))
        issues.push({ path: [...path, 'metBy'], code: 'rules.missingCompletionField', params: { field: p.metBy, form: check.form.id } });
      else if (p.metBy) issues.push(...checkDateField(p.metBy, [...path, 'metBy'], check));
      issues.push(...checkCalendar(p.calendar, [...path, 'calendar'], check));
      if (WORKING_UNITS.has(p.limit.unit) && !check.hasCalendar(p.calendar))
        issues.push({ path: [...path, 'limit', 'unit'], code: 'rules.noCalendar' });
      if (p.owner) issues.push(...checkParty(p.owner, [...path, 'owner'], check));
      p.onBreach?.fines?.forEach((fine, i) => {
        const at = [...path, 'onBreach', 'fines', i];
        issues.push(...checkParty(fine.payer, [...at, 'payer'], check), ...checkExpr(fine.amount, [...at, 'amount'], check));
      });
      return issues;
    }
  }
}

function checkExpr(expr: Expr, path: Path, check: Check, result: 'number' | 'any' = 'number'): SemanticIssue[] {
  const issues = exprFacts(expr).flatMap((name): SemanticIssue[] => {
    const fact = check.facts(name);
    if (!fact) return [{ path, code: 'rules.unknownFact', params: { fact: name } }];
    const isList = fact.type === 'array' || fact.many;
    if (hasListUse(expr, name) && !isList) return [{ path, code: 'rules.notArray', params: { field: name } }];
    return [];
  });
  if (issues.length > 0) return issues;
  const typed = checkExprTypes(expr, path, (name) => exprFactKind(check.facts(name)));
  if (result === 'number' && typed.type !== null && typed.type !== 'number')
    typed.issues.push({ path, code: 'rules.exprResultType', params: { expected: 'number' } });
  for (const calendar of exprCalendars(expr)) typed.issues.push(...checkCalendar(calendar, path, check));
  return typed.issues;
}

/** The calendars named by an expression's working-day counts. */
function exprCalendars(expr: Expr): string[] {
  if (typeof expr === 'number') return [];
  const own = 'workingDaysBetween' in expr && expr.calendar !== undefined ? [expr.calendar] : [];
  return [...own, ...exprChildren(expr).flatMap(exprCalendars)];
}

function hasListUse(expr: Expr, name: string): boolean {
  if (typeof expr === 'number' || 'fact' in expr) return false;
  if ('count' in expr) return expr.count === name;
  if ('sum' in expr) return expr.sum === name;
  return exprChildren(expr).some((child) => hasListUse(child, name));
}

function checkDateField(field: string, path: Path, check: Check): SemanticIssue[] {
  const fact = check.facts(field);
  if (!fact) return [{ path, code: 'rules.unknownFact', params: { fact: field } }];
  return isDateLike(fact) ? [] : [{ path, code: 'rules.notDateField', params: { field } }];
}

function checkCalendar(calendar: string | undefined, path: Path, check: Check): SemanticIssue[] {
  return calendar === undefined || check.context.calendars.has(calendar)
    ? []
    : [{ path, code: 'rules.unknownCalendar', params: { calendar } }];
}

function checkRole(role: string, path: Path, check: Check): SemanticIssue[] {
  return !check.context.roles || check.context.roles.has(role) ? [] : [{ path, code: 'rules.unknownRole', params: { role } }];
}

function checkParty(party: Party, path: Path, check: Check): SemanticIssue[] {
  const issues = checkRole(party.role, [...path, 'role'], check);
  if (party.personField && !check.facts(party.personField)) {
    issues.push({ path: [...path, 'personField'], code: 'rules.unknownFact', params: { fact: party.personField } });
  }
  return issues;
}

function checkStatus(state: string, path: Path, check: Check): SemanticIssue[] {
  const known = check.form.statusFlow?.states.some((s) => s.id === state);
  return known ? [] : [{ path, code: 'rules.unknownStatus', params: { state, form: check.form.id } }];
}

/** Whether a shared condition refers back to `target` through condition references. */
function reaches(condition: NestedCondition, target: string, shared: Record<string, TopLevelCondition>, visited: Set<string>): boolean {
  if ('all' in condition) return condition.all.some((c) => reaches(c, target, shared, visited));
  if ('any' in condition) return condition.any.some((c) => reaches(c, target, shared, visited));
  if ('not' in condition) return reaches(condition.not, target, shared, visited);
  if (!('condition' in condition)) return false;
  if (condition.condition === target) return true;
  if (visited.has(condition.condition)) return false;
  visited.add(condition.condition);
  const next = Object.hasOwn(shared, condition.condition) ? shared[condition.condition] : undefined;
  return next !== undefined && reaches(next, target, shared, visited);
}
