import {
  describeDifference,
  valuesOf,
  type CalendarFile,
  type Evaluation,
  type ExpectedFine,
  type ExpectedValues,
  type LocalizedText,
  type RuleSetFile,
  type ValueDifference,
} from '@aftersales/engine';
import { STORE_ZONE } from '../../shared/format';

/** One value the bench shows for the current evaluation, which the admin may tick to save as expected. */
export interface ValueChoice {
  /** "deadline:<key>", "amount:<name>", "fines" or "approvals". */
  id: string;
  label: LocalizedText;
  shown: LocalizedText;
}

type RoleLabels = Record<string, LocalizedText>;

const both = (make: (locale: 'zh-CN' | 'en') => string): LocalizedText => ({ 'zh-CN': make('zh-CN'), en: make('en') });
const same = (value: string): LocalizedText => ({ 'zh-CN': value, en: value });
const roleText = (labels: RoleLabels) => (role: string) => labels[role] ?? same(role);

/** The zone of each calendar id (a deadline's due time is shown and saved as wall time there). */
export const zoneOfCalendars = (calendars: readonly CalendarFile[]) => (id: string) =>
  calendars.find((c) => c.id === id)?.timeZone ?? STORE_ZONE;

/**
 * The labels of the rule set's deadline keys and amount names (what the rules call them). Several
 * rules may set one key (the arrival of an urban, a suburban and a security call): the first rule's
 * label names it here, as the engine keeps the first value of a key.
 */
function outcomeLabels(ruleSet: RuleSetFile) {
  const deadlines = new Map<string, LocalizedText>();
  const amounts = new Map<string, LocalizedText>();
  for (const rule of ruleSet.rules) {
    if (rule.event.type === 'deadline' && !deadlines.has(rule.event.params.key))
      deadlines.set(rule.event.params.key, rule.event.params.what);
    if (rule.event.type === 'amount' && !amounts.has(rule.event.params.name)) amounts.set(rule.event.params.name, rule.event.params.label);
  }
  return { deadlines, amounts };
}

/** What the evaluation's own deadlines are called, by key: the rule that set each (the first, as `valuesOf` keeps). */
function firedDeadlineLabels(evaluation: Evaluation, ruleSetId: string): Map<string, LocalizedText> {
  const labels = new Map<string, LocalizedText>();
  for (const d of evaluation.outcome.deadlines) if (d.source.ruleSet === ruleSetId && !labels.has(d.key)) labels.set(d.key, d.what);
  return labels;
}

function finesText(fines: readonly ExpectedFine[], roles: RoleLabels): LocalizedText {
  if (fines.length === 0) return { 'zh-CN': '无', en: 'none' };
  const role = roleText(roles);
  return both((l) =>
    fines.map((f) => `${role(f.payer)[l]} ${f.amount}${l === 'zh-CN' ? ' 元' : ' yuan'}`).join(l === 'zh-CN' ? '、' : ', '),
  );
}

function rolesText(approvers: readonly string[], roles: RoleLabels): LocalizedText {
  if (approvers.length === 0) return { 'zh-CN': '无', en: 'none' };
  const role = roleText(roles);
  return both((l) => approvers.map((r) => role(r)[l]).join(l === 'zh-CN' ? '、' : ', '));
}

const dueText = (due: string | null): LocalizedText => (due === null ? { 'zh-CN': '无到期时间', en: 'no due time' } : same(due));

/** Every value of the current evaluation a case can assert, labelled for people (local wall times, role names). */
export function valueChoices(
  evaluation: Evaluation,
  ruleSet: RuleSetFile,
  calendars: readonly CalendarFile[],
  roles: RoleLabels,
): { values: Required<ExpectedValues>; choices: ValueChoice[] } {
  const values = valuesOf(evaluation, ruleSet.id, zoneOfCalendars(calendars));
  const labels = outcomeLabels(ruleSet);
  const fired = firedDeadlineLabels(evaluation, ruleSet.id);
  const deadlineLabel = (key: string) => fired.get(key) ?? labels.deadlines.get(key) ?? same(key);
  const choices: ValueChoice[] = [
    ...Object.entries(values.deadlines).map(([key, due]) => ({
      id: `deadline:${key}`,
      label: both((l) => (l === 'zh-CN' ? `${deadlineLabel(key)[l]}的到期时间` : `Due time of ${deadlineLabel(key)[l]}`)),
      shown: dueText(due),
    })),
    ...Object.entries(values.amounts).map(([name, value]) => ({
      id: `amount:${name}`,
      label: labels.amounts.get(name) ?? same(name),
      shown: same(String(value)),
    })),
    { id: 'fines', label: { 'zh-CN': '罚款', en: 'Fines' }, shown: finesText(values.fines, roles) },
    { id: 'approvals', label: { 'zh-CN': '审批人', en: 'Approvers' }, shown: rolesText(values.approvals, roles) },
  ];
  return { values, choices };
}

/** The `expect` of a case saved with the ticked values; undefined when none is ticked. */
export function expectFromChoices(values: Required<ExpectedValues>, ticked: ReadonlySet<string>): ExpectedValues | undefined {
  const expect: ExpectedValues = {};
  for (const [key, due] of Object.entries(values.deadlines))
    if (ticked.has(`deadline:${key}`)) expect.deadlines = { ...expect.deadlines, [key]: due };
  for (const [name, value] of Object.entries(values.amounts))
    if (ticked.has(`amount:${name}`)) expect.amounts = { ...expect.amounts, [name]: value };
  if (ticked.has('fines')) expect.fines = values.fines;
  if (ticked.has('approvals')) expect.approvals = values.approvals;
  return Object.keys(expect).length > 0 ? expect : undefined;
}

/** A saved case's expected values in words, one line each. */
export function describeExpected(expect: ExpectedValues | undefined, ruleSet: RuleSetFile, roles: RoleLabels): LocalizedText[] {
  if (!expect) return [];
  const labels = outcomeLabels(ruleSet);
  const line = (label: LocalizedText, value: LocalizedText) => both((l) => `${label[l]}${l === 'zh-CN' ? '：' : ': '}${value[l]}`);
  return [
    ...Object.entries(expect.deadlines ?? {}).map(([key, due]) => line(labels.deadlines.get(key) ?? same(key), dueText(due))),
    ...Object.entries(expect.amounts ?? {}).map(([name, value]) => line(labels.amounts.get(name) ?? same(name), same(String(value)))),
    ...(expect.fines ? [line({ 'zh-CN': '罚款', en: 'Fines' }, finesText(expect.fines, roles))] : []),
    ...(expect.approvals ? [line({ 'zh-CN': '审批人', en: 'Approvers' }, rolesText(expect.approvals, roles))] : []),
  ];
}

/** Each value that differs, expected vs actual, in words. */
export function describeDifferences(differences: readonly ValueDifference[], roles: RoleLabels): LocalizedText[] {
  return differences.map((d) => describeDifference(d, roleText(roles)));
}
