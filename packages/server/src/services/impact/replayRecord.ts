import type { EvaluationContext, Outcome, Policy } from '@aftersales/engine';
import type { ImpactPartRow, ImpactRow } from '../../store/impactRows.js';
import { recordTitle } from '../recordTitle.js';
import { compareForImpact } from './compareForImpact.js';
import type { RecordChange } from './RecordChange.js';
import { ImpactTally, type TallyData } from './ImpactTally.js';

/** The two compiled policies of an impact plan. */
export interface PolicyPair {
  before: Policy | null;
  after: Policy;
  timeZone: string;
  monthOf: (iso: string) => string;
}

const HOUR = 3_600_000;
/** A replay titles people by their user names; the service retitles the listed records with display names (`titleNamesPeople`). */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * A formatter of local months (YYYY-MM) in a zone, made once per plan. Formatting is slow next to
 * the rest of a replay: each UTC hour is formatted once (at its first and last millisecond), and
 * an hour whose two ends fall in different local months (a month starts within it) per instant.
 */
export function monthFormatter(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  const exact = (ms: number) => format.format(new Date(ms)).slice(0, 7);
  const byHour = new Map<number, string>();
  return (iso) => {
    const ms = new Date(iso).getTime();
    const hour = Math.floor(ms / HOUR);
    let month = byHour.get(hour);
    if (month === undefined) {
      const first = exact(hour * HOUR);
      month = first === exact(hour * HOUR + HOUR - 1) ? first : '';
      if (byHour.size >= 100_000) byHour.clear();
      byHour.set(hour, month);
    }
    return month !== '' ? month : exact(ms);
  };
}

const emptyOutcome = (): Outcome => ({ deadlines: [], fines: [], approvals: [], amounts: [], blocks: [], notices: [] });

export type History = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * One stored record replayed: both policies run at the instant it was last evaluated (with the same
 * status and history); open deadlines are judged late against `now`. Null when nothing changes.
 */
export function replayRecord(
  pair: PolicyPair,
  row: ImpactRow,
  now: Date,
  history?: History,
): { change: Omit<RecordChange, 'title'>; data: Record<string, unknown> } | null {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const change = replayData(pair, row, data, now, history);
  return change ? { change, data } : null;
}

/** The people a record's changes fall on, once each (by role and name). */
function addPerson(persons: Map<string, { role: string | null; person: string }>, role: string | null, person: string | null): void {
  if (person) persons.set(`${role ?? ''}|${person}`, { role, person });
}

/** `replayRecord` of a record whose data is parsed already. */
export function replayData(
  pair: PolicyPair,
  row: Omit<ImpactRow, 'data' | 'createdBy'>,
  data: Record<string, unknown>,
  now: Date,
  history?: History,
): Omit<RecordChange, 'title'> | null {
  const context: EvaluationContext = { now: row.evaluatedAt };
  if (row.status) context.status = row.status;
  if (history) context.history = history;
  const before = pair.before ? pair.before.run(data, context).outcome : emptyOutcome();
  const after = pair.after.run(data, context).outcome;
  const changes = compareForImpact(before, after, now);
  if (!changes) return null;
  const persons = new Map<string, { role: string | null; person: string }>();
  for (const f of changes.finesAdded) addPerson(persons, f.role, f.person);
  for (const f of changes.finesRemoved) addPerson(persons, f.role, f.person);
  for (const d of changes.deadlines) addPerson(persons, d.role, d.person);
  if (persons.size === 0 && row.assignee) addPerson(persons, null, row.assignee);
  return {
    id: row.id,
    formId: row.formId,
    createdAt: row.createdAt,
    store: row.store,
    month: pair.monthOf(row.createdAt),
    persons: [...persons.values()],
    ...changes,
  };
}

/** What a batch of rows adds to an impact: its tally, and its first `list` changed records with their titles. */
export interface BatchResult {
  tally: TallyData;
  listed: RecordChange[];
}

/** Replays a batch (newest first): counts every change, titles only the ones listed. */
export function replayBatch(
  pair: PolicyPair,
  rows: readonly ImpactRow[],
  now: Date,
  list: number,
  histories?: (History | undefined)[],
): BatchResult {
  const tally = new ImpactTally(0);
  const listed: RecordChange[] = [];
  rows.forEach((row, i) => {
    const replayed = replayRecord(pair, row, now, histories?.[i]);
    tally.checked++;
    if (!replayed) return;
    tally.add(replayed.change);
    if (listed.length < list)
      listed.push({
        ...replayed.change,
        title: recordTitle(pair.after.form, { data: replayed.data, createdAt: row.createdAt }, pair.timeZone, NO_NAMES),
      });
  });
  return { tally: tally.data(), listed };
}

/** `replayBatch` of a part a worker read itself (`ImpactReader`): rows with their data parsed. */
export function replayPart(pair: PolicyPair, rows: readonly ImpactPartRow[], now: Date, list: number): BatchResult {
  const tally = new ImpactTally(0);
  const listed: RecordChange[] = [];
  for (const row of rows) {
    const change = replayData(pair, row, row.data, now);
    tally.checked++;
    if (!change) continue;
    tally.add(change);
    if (listed.length < list)
      listed.push({
        ...change,
        title: recordTitle(pair.after.form, { data: row.data, createdAt: row.createdAt }, pair.timeZone, NO_NAMES),
      });
  }
  return { tally: tally.data(), listed };
}
