import { randomUUID } from 'node:crypto';
import { dueTime, WorkingCalendar, type CalendarFile, type DeadlineUnit } from '@aftersales/engine';
import type { Repositories } from '../store/Store.js';
import type { DeadlineMove, DeadlineRow } from '../store/types.js';
import type { Clock } from './Clock.js';

/** Rows per batch; the event loop gets a turn between batches. */
const BATCH = 200;
/** Walks over a calendar's open deadlines per job: the later ones only re-read rows a record write changed during the one before. */
const MAX_PASSES = 3;
/** How long a job stays with the instance that runs it without news (then another takes over). */
const LEASE_MS = 5 * 60_000;

/** One open deadline's due time under two calendar versions. */
export interface DeadlineShift {
  row: DeadlineRow;
  from: string | null;
  to: string | null;
  /** Later (positive) or earlier, in milliseconds; null when one side has no due time. */
  deltaMs: number | null;
  /** Not past due under the published calendar, past due under the new one. */
  breachedNow: boolean;
  /** Past due under the published calendar (the clock has not breached it yet), not under the new one. */
  saved: boolean;
}

/**
 * Open deadlines follow their calendar. When a calendar version is published, every open deadline
 * counted on that calendar gets its due time (and reminder) recomputed under the new version, from
 * the deadline's own start and limit (the engine's `dueTime`, as the evaluation computed it). Met and
 * breached deadlines keep their history. Runs in the background in batches, one job per calendar
 * version: the job row holds a lease (a second instance waits, or takes over a stopped one), each
 * row is marked with the version it was computed with (a second run skips it), and a move applies only
 * while the row is as it was read (a record write in between wins). One audit entry per job.
 */
export class DeadlineRecompute {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly holder = randomUUID();

  constructor(
    private readonly store: Pick<Repositories, 'definitions' | 'calendarJobs' | 'deadlines'>,
    private readonly clock: Clock,
  ) {}

  /** Starts a run now (in the background) unless one runs; a run asked for during one follows it. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runPending()
      .catch((error: unknown) => console.error('deadline recompute failed:', error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no run is going on (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Looks for calendar versions without a finished job every `intervalMs` (another instance's publish, a stopped job). */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs the job of the latest published version of every calendar that has none finished. */
  async runPending(): Promise<void> {
    for (const doc of await this.store.definitions.listDocuments('calendar')) {
      // Deadlines are computed with the calendar's current version when written: with one version only, none is stale.
      if (!doc.published || doc.published.version === 1) continue;
      const job = await this.store.calendarJobs.calendarJob(doc.id, doc.published.version);
      if (job?.state === 'done') continue;
      await this.runJob(doc.id, doc.published.version, doc.published.definition as CalendarFile);
    }
  }

  private async runJob(calendarId: string, version: number, definition: CalendarFile): Promise<void> {
    const lease = () => new Date(this.clock().getTime() + LEASE_MS).toISOString();
    if (!(await this.store.calendarJobs.claimCalendarJob(calendarId, version, this.holder, this.clock().toISOString(), lease()))) return;
    const calendar = WorkingCalendar.fromFile(definition);
    const counts = { checked: 0, moved: 0, breachedNow: 0, saved: 0 };
    // A pass walks the calendar's open deadlines once, by record and key. A row written by a record
    // meanwhile is not moved (the write wins); the next pass (of at most MAX_PASSES) reads it again as written.
    let after: [string, string] | undefined;
    let skipped = 0;
    let passes = 1;
    for (;;) {
      // A newer version published meanwhile: its job recomputes everything (this one stops unfinished).
      const current = await this.store.definitions.getDocument('calendar', calendarId);
      if (current?.published && current.published.version !== version) return;
      const rows = await this.store.deadlines.openDeadlinesOnCalendar(calendarId, version, BATCH, after);
      if (rows.length === 0) {
        if (after === undefined || skipped === 0 || passes === MAX_PASSES) break;
        passes++;
        after = undefined;
        skipped = 0;
        continue;
      }
      const last = rows.at(-1)!;
      after = [last.recordId, last.key];
      const now = this.clock();
      const shifts = rows.map((row) => shiftOf(row, calendar, now));
      skipped += rows.length - (await this.store.deadlines.moveDeadlines(shifts.map(moveOf), version));
      counts.checked += rows.length;
      for (const s of shifts) {
        if (s.from !== s.to) counts.moved++;
        if (s.breachedNow) counts.breachedNow++;
        if (s.saved) counts.saved++;
      }
      if (!(await this.store.calendarJobs.claimCalendarJob(calendarId, version, this.holder, now.toISOString(), lease()))) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await this.store.calendarJobs.finishCalendarJob(calendarId, version, counts, this.clock().toISOString());
  }

  /**
   * What publishing `definition` for calendar `calendarId` would do to the open deadlines counted
   * on it: how many move (later, earlier, now past due, no longer past due) and the `limit` moves
   * due soonest, read a keyset page at a time so that memory stays flat however many deadlines are open.
   */
  async preview(calendarId: string, definition: CalendarFile, limit = PREVIEW_ITEMS): Promise<CalendarPreview> {
    const calendar = WorkingCalendar.fromFile(definition);
    const now = this.clock();
    const counts = { moved: 0, later: 0, earlier: 0, breachedNow: 0, saved: 0 };
    const soonest = new Soonest(limit);
    let after: [string, string] | undefined;
    for (;;) {
      const rows = await this.store.deadlines.pageOpenDeadlinesOnCalendar(calendarId, BATCH, after);
      for (const row of rows) {
        const shift = shiftOf(row, calendar, now);
        if (shift.from === shift.to) continue;
        counts.moved++;
        if ((shift.deltaMs ?? 0) > 0) counts.later++;
        if ((shift.deltaMs ?? 0) < 0) counts.earlier++;
        if (shift.breachedNow) counts.breachedNow++;
        if (shift.saved) counts.saved++;
        soonest.add(shift);
      }
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) return { counts, items: soonest.items() };
      after = [last.recordId, last.key];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** How many moved deadlines a preview lists (the counts cover all of them). */
export const PREVIEW_ITEMS = 200;

export interface CalendarPreview {
  counts: { moved: number; later: number; earlier: number; breachedNow: number; saved: number };
  /** The moves due soonest under the published calendar (no due time first), at most the preview's limit. */
  items: DeadlineShift[];
}

/** Keeps the `limit` shifts due soonest of any number added, in order, holding at most twice the limit. */
class Soonest {
  private kept: DeadlineShift[] = [];
  constructor(private readonly limit: number) {}

  add(shift: DeadlineShift): void {
    this.kept.push(shift);
    if (this.kept.length >= 2 * this.limit) this.trim();
  }

  items(): DeadlineShift[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept.sort(bySoonest);
    this.kept.length = Math.min(this.kept.length, this.limit);
  }
}

function bySoonest(a: DeadlineShift, b: DeadlineShift): number {
  return (a.from ?? '').localeCompare(b.from ?? '') || a.row.recordId.localeCompare(b.row.recordId) || a.row.key.localeCompare(b.row.key);
}

/** The due time of an open deadline under a calendar, from its start and limit; null when it cannot be counted. */
function shiftOf(row: DeadlineRow, calendar: WorkingCalendar, now: Date): DeadlineShift {
  const { deadline } = row;
  let to: string | null = row.dueAt;
  if (deadline.startedAt) {
    try {
      const due = dueTime(
        new Date(deadline.startedAt),
        deadline.limit.unit as DeadlineUnit,
        deadline.limit.amount,
        calendar,
        deadline.limit.at,
      );
      to = Number.isNaN(due.getTime()) ? null : due.toISOString();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      to = null;
    }
  }
  const from = row.dueAt;
  const past = (at: string | null) => at !== null && Date.parse(at) <= now.getTime();
  return {
    row,
    from,
    to,
    deltaMs: from !== null && to !== null ? Date.parse(to) - Date.parse(from) : null,
    breachedNow: !past(from) && past(to),
    saved: past(from) && !past(to),
  };
}

function moveOf(shift: DeadlineShift): DeadlineMove {
  const { row, to } = shift;
  // The reminder keeps its distance before the due time.
  const lead = row.remindAt && row.dueAt ? Date.parse(row.dueAt) - Date.parse(row.remindAt) : null;
  const remindAt = to !== null && lead !== null ? new Date(Date.parse(to) - lead).toISOString() : null;
  return {
    recordId: row.recordId,
    key: row.key,
    was: { dueAt: row.dueAt, startedAt: row.deadline.startedAt },
    dueAt: to,
    remindAt,
    deadline: { ...row.deadline, dueAt: to, remindAt },
  };
}
