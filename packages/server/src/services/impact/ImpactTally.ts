import type { ImpactCounts as ImpactCountsSchema, Static } from '@aftersales/contract';
import type { RecordChange } from './RecordChange.js';

/** The counts of one slice of an impact (all of it, or one store, person, month or rule): the contract's shape. */
export type ImpactCounts = Static<typeof ImpactCountsSchema>;

const zero = (): ImpactCounts => ({
  records: 0,
  finesAdded: 0,
  finesAddedAmount: 0,
  finesRemoved: 0,
  finesRemovedAmount: 0,
  becameLate: 0,
  becameOnTime: 0,
  deadlinesMoved: 0,
  approvalsAdded: 0,
  approvalsRemoved: 0,
  blocksAdded: 0,
  blocksRemoved: 0,
});

const cents = (n: number) => Math.round(n * 100) / 100;

/** A slice's counts keyed by its value, with the records counted once per slice. */
class Slices {
  readonly counts = new Map<string, ImpactCounts>();
  private readonly seen = new Map<string, string>();
  at(key: string, recordId: string): ImpactCounts {
    let counts = this.counts.get(key);
    if (!counts) this.counts.set(key, (counts = zero()));
    if (this.seen.get(key) !== recordId) {
      this.seen.set(key, recordId);
      counts.records++;
    }
    return counts;
  }
  /** Adds another tally's slices (of other records). */
  merge(entries: [string, ImpactCounts][]): void {
    for (const [key, other] of entries) {
      let counts = this.counts.get(key);
      if (!counts) this.counts.set(key, (counts = zero()));
      addCounts(counts, other);
    }
  }
}

function addCounts(into: ImpactCounts, other: ImpactCounts): void {
  for (const name of Object.keys(into) as (keyof ImpactCounts)[]) into[name] = cents(into[name] + other[name]);
}

/** A tally as plain data (what a worker thread sends back). */
export interface TallyData {
  checked: number;
  totals: ImpactCounts;
  byStore: [string, ImpactCounts][];
  byPerson: [string, ImpactCounts][];
  byMonth: [string, ImpactCounts][];
  byRule: [string, ImpactCounts][];
}

/**
 * Adds up record changes: totals and the same counts by store, person (role and name), local month
 * and rule. Each change counts in the person's and rule's slice it falls on; a record counts once
 * per slice. Tallies of disjoint sets of records merge (worker threads each count their batches).
 * Keeps the newest `listLimit` changed records offered for the list (the rest are only counted).
 */
export class ImpactTally {
  checked = 0;
  readonly totals = zero();
  readonly byStore = new Slices();
  readonly byPerson = new Slices();
  readonly byMonth = new Slices();
  readonly byRule = new Slices();
  readonly listed: RecordChange[] = [];

  constructor(private readonly listLimit: number) {}

  add(change: Omit<RecordChange, 'title'>): void {
    const id = change.id;
    this.totals.records++;
    const whole = [this.totals, this.byStore.at(change.store ?? '', id), this.byMonth.at(change.month, id)];
    const person = (role: string | null, name: string | null) => (name ? [this.byPerson.at(`${role ?? ''}|${name}`, id)] : []);
    const rule = (key: string) => this.byRule.at(key, id);
    const each = (targets: ImpactCounts[], bump: (c: ImpactCounts) => void) => targets.forEach(bump);

    for (const f of change.finesAdded)
      each([...whole, ...person(f.role, f.person), rule(f.rule)], (c) => {
        c.finesAdded++;
        c.finesAddedAmount = cents(c.finesAddedAmount + f.amount);
      });
    for (const f of change.finesRemoved)
      each([...whole, ...person(f.role, f.person), rule(f.rule)], (c) => {
        c.finesRemoved++;
        c.finesRemovedAmount = cents(c.finesRemovedAmount + f.amount);
      });
    for (const d of change.deadlines) {
      const becameLate = d.after?.late === true && d.before?.late !== true;
      const becameOnTime = d.before?.late === true && d.after?.late !== true;
      const moved = d.before !== null && d.after !== null && d.before.dueAt !== d.after.dueAt;
      each([...whole, ...person(d.role, d.person), rule(d.rule)], (c) => {
        if (becameLate) c.becameLate++;
        if (becameOnTime) c.becameOnTime++;
        if (moved) c.deadlinesMoved++;
      });
    }
    const fallback = change.persons.length === 1 && change.persons[0]!.role === null ? person(null, change.persons[0]!.person) : [];
    for (const a of change.approvalsAdded) each([...whole, ...fallback, rule(a.rule)], (c) => c.approvalsAdded++);
    for (const a of change.approvalsRemoved) each([...whole, ...fallback, rule(a.rule)], (c) => c.approvalsRemoved++);
    for (const b of change.blocksAdded) each([...whole, ...fallback, rule(b.rule)], (c) => c.blocksAdded++);
    for (const b of change.blocksRemoved) each([...whole, ...fallback, rule(b.rule)], (c) => c.blocksRemoved++);
    for (const a of change.amountsChanged) rule(a.rule);
  }

  /** Offers changed records for the list. */
  offer(changes: readonly RecordChange[]): void {
    for (const change of changes) this.listed.push(change);
    if (this.listed.length >= this.listLimit * 2) this.trim();
  }

  /** Whether the list holds `listLimit` records already. */
  get listFull(): boolean {
    return this.listed.length >= this.listLimit;
  }

  data(): TallyData {
    return {
      checked: this.checked,
      totals: this.totals,
      byStore: [...this.byStore.counts],
      byPerson: [...this.byPerson.counts],
      byMonth: [...this.byMonth.counts],
      byRule: [...this.byRule.counts],
    };
  }

  merge(data: TallyData): void {
    this.checked += data.checked;
    addCounts(this.totals, data.totals);
    this.byStore.merge(data.byStore);
    this.byPerson.merge(data.byPerson);
    this.byMonth.merge(data.byMonth);
    this.byRule.merge(data.byRule);
  }

  /** Keeps the newest `listLimit` changed records. */
  trim(): RecordChange[] {
    this.listed.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    this.listed.length = Math.min(this.listed.length, this.listLimit);
    return this.listed;
  }
}
