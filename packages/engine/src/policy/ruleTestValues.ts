import { parseInstant } from '../calendar/parseInstant.js';
import { zonedWallClock } from '../calendar/zonedTime.js';
import type { LocalizedText } from '../i18n/LocalizedText.js';
import type { ExpectedFine, ExpectedValues } from '../rules/RuleSetFile.js';
import type { Evaluation } from './Evaluation.js';

/** The time zone of a calendar id (the deadline's calendar). */
export type ZoneOf = (calendarId: string) => string;

/** One value a test case expects that the outcome does not show. Times are local wall times ("2025-10-09 16:00"). */
export type ValueDifference =
  | { kind: 'deadline'; key: string; label?: LocalizedText; expected: string | null; actual: string | null }
  | { kind: 'amount'; name: string; label?: LocalizedText; expected: number; actual: number | null }
  | { kind: 'fines'; expected: ExpectedFine[]; actual: ExpectedFine[] }
  | { kind: 'approvals'; expected: string[]; actual: string[] };

const DEFAULT_ZONE = 'Asia/Shanghai';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD HH:mm" (":ss" when the seconds are not 0) of an instant in a time zone, the form tests are written in. */
export function formatWallTime(instant: string | Date, timeZone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return String(instant);
  const wall = zonedWallClock(timeZone, ms);
  const year = wall.getUTCFullYear();
  const date = `${year < 0 || year > 9999 ? year : pad(year, 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const seconds = wall.getUTCSeconds();
  return `${date} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ''}`;
}

/**
 * The values a test case can assert, as the evaluation shows them for one rule set: deadline due
 * times (local wall time in each deadline calendar's zone), amounts, fines (by rules, and by
 * deadlines breached at the evaluation's `now`) and approvers.
 */
export function valuesOf(evaluation: Evaluation, ruleSetId: string, zoneOf: ZoneOf = () => DEFAULT_ZONE): Required<ExpectedValues> {
  const own = <T extends { source: { ruleSet: string } }>(items: readonly T[]) => items.filter((item) => item.source.ruleSet === ruleSetId);
  const { outcome } = evaluation;
  const deadlines: Record<string, string | null> = {};
  for (const d of own(outcome.deadlines))
    if (!Object.hasOwn(deadlines, d.key)) deadlines[d.key] = d.dueAt === null ? null : formatWallTime(d.dueAt, zoneOf(d.calendar));
  const amounts: Record<string, number> = {};
  for (const a of own(outcome.amounts)) if (!Object.hasOwn(amounts, a.name)) amounts[a.name] = a.value;
  const fines = [
    ...own(outcome.fines).map((f) => ({ payer: f.payer.role, amount: f.amount })),
    ...own(outcome.deadlines)
      .filter((d) => d.state === 'breached')
      .flatMap((d) => d.breachFines.map((f) => ({ payer: f.payer.role, amount: f.amount }))),
  ];
  return {
    deadlines,
    amounts,
    fines: sortFines(fines),
    approvals: own(outcome.approvals)
      .map((a) => a.approver)
      .sort(),
  };
}

/** What differs between the values a case expects and those of the evaluation; [] when they match. */
export function compareValues(
  expected: ExpectedValues,
  evaluation: Evaluation,
  ruleSetId: string,
  zoneOf: ZoneOf = () => DEFAULT_ZONE,
): ValueDifference[] {
  const actual = valuesOf(evaluation, ruleSetId, zoneOf);
  const own = evaluation.outcome;
  const differences: ValueDifference[] = [];
  for (const [key, due] of Object.entries(expected.deadlines ?? {})) {
    const deadline = own.deadlines.find((d) => d.source.ruleSet === ruleSetId && d.key === key);
    const zone = deadline ? zoneOf(deadline.calendar) : DEFAULT_ZONE;
    const shown = Object.hasOwn(actual.deadlines, key) ? actual.deadlines[key]! : null;
    const wanted = due === null ? null : parseInstant(due, zone);
    const same =
      wanted === null
        ? deadline !== undefined && deadline.dueAt === null
        : deadline?.dueAt != null && Date.parse(deadline.dueAt) === wanted.getTime();
    if (!same)
      differences.push({
        kind: 'deadline',
        key,
        ...(deadline ? { label: deadline.what } : {}),
        expected: wanted === null ? null : formatWallTime(wanted, zone),
        actual: deadline ? shown : null,
      });
  }
  for (const [name, value] of Object.entries(expected.amounts ?? {})) {
    const amount = own.amounts.find((a) => a.source.ruleSet === ruleSetId && a.name === name);
    if (!amount || !sameNumber(amount.value, value))
      differences.push({
        kind: 'amount',
        name,
        ...(amount ? { label: amount.label } : {}),
        expected: value,
        actual: amount ? amount.value : null,
      });
  }
  if (expected.fines) {
    const wanted = sortFines(expected.fines);
    const same =
      wanted.length === actual.fines.length &&
      wanted.every((f, i) => f.payer === actual.fines[i]!.payer && sameNumber(f.amount, actual.fines[i]!.amount));
    if (!same) differences.push({ kind: 'fines', expected: wanted, actual: actual.fines });
  }
  if (expected.approvals) {
    const wanted = [...expected.approvals].sort();
    if (wanted.join('\n') !== actual.approvals.join('\n'))
      differences.push({ kind: 'approvals', expected: wanted, actual: actual.approvals });
  }
  return differences;
}

/** A difference in words, zh-CN and English: what was expected and what the policy gives. `roleLabel` names policy roles. */
export function describeDifference(
  difference: ValueDifference,
  roleLabel: (role: string) => LocalizedText = (role) => ({ 'zh-CN': role, en: role }),
): LocalizedText {
  const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
  const both = (make: (locale: 'zh-CN' | 'en') => string): LocalizedText => ({ 'zh-CN': make('zh-CN'), en: make('en') });
  const none = text('无', 'none');
  const fines = (list: ExpectedFine[]) =>
    list.length === 0
      ? none
      : both((l) =>
          list.map((f) => `${roleLabel(f.payer)[l]} ${f.amount}${l === 'zh-CN' ? ' 元' : ' yuan'}`).join(l === 'zh-CN' ? '、' : ', '),
        );
  const roles = (list: string[]) =>
    list.length === 0 ? none : both((l) => list.map((r) => roleLabel(r)[l]).join(l === 'zh-CN' ? '、' : ', '));
  const value = (v: string | number | null) => (v === null ? none : text(String(v), String(v)));
  const line = (subject: LocalizedText, expected: LocalizedText, actual: LocalizedText) =>
    both((l) =>
      l === 'zh-CN'
        ? `${subject[l]}：预期 ${expected[l]}，实际 ${actual[l]}`
        : `${subject[l]}: expected ${expected[l]}, actual ${actual[l]}`,
    );
  switch (difference.kind) {
    case 'deadline': {
      const label = difference.label ?? text(difference.key, difference.key);
      return line(
        both((l) => (l === 'zh-CN' ? `期限“${label[l]}”的到期时间` : `Due time of "${label[l]}"`)),
        value(difference.expected),
        value(difference.actual),
      );
    }
    case 'amount': {
      const label = difference.label ?? text(difference.name, difference.name);
      return line(
        both((l) => (l === 'zh-CN' ? `金额“${label[l]}”` : `Amount "${label[l]}"`)),
        value(difference.expected),
        value(difference.actual),
      );
    }
    case 'fines':
      return line(text('罚款', 'Fines'), fines(difference.expected), fines(difference.actual));
    case 'approvals':
      return line(text('审批人', 'Approvers'), roles(difference.expected), roles(difference.actual));
  }
}

function sortFines(fines: ExpectedFine[]): ExpectedFine[] {
  return [...fines].sort((a, b) => (a.payer === b.payer ? a.amount - b.amount : a.payer < b.payer ? -1 : 1));
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
