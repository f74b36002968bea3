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

function fineAdded(c: ImpactCounts, amount: number): void {
  c.finesAdded++;
  c.finesAddedAmount = cents(c.finesAddedAmount + amount);
}

function fineRemoved(c: ImpactCounts, amount: number): void {
  c.finesRemoved++;
  c.finesRemovedAmount = cents(c.finesRemovedAmount + amount);
}

function deadlineChanged(c: ImpactCounts, becameLate: boolean, becameOnTime: boolean, moved: boolean): void {
  if (becameLate) c.becameLate++;
  if (becameOnTime) c.becameOnTime++;
  if (moved) c.deadlinesMoved++;
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
    // Written out without per-change arrays or closures (it runs for every changed record): each
    // change bumps the totals, the record's store and month, its person's slice and its rule's, the
    // slices taken in the order the changes come (the order the answer lists ties in).
    const id = change.id;
    const totals = this.totals;
    totals.records++;
    const store = this.byStore.at(change.store ?? '', id);
    const month = this.byMonth.at(change.month, id);
    for (const f of change.finesAdded) {
      const person = this.personAt(f.role, f.person, id);
      const rule = this.byRule.at(f.rule, id);
      fineAdded(totals, f.amount);
      fineAdded(store, f.amount);
      fineAdded(month, f.amount);
      if (person) fineAdded(person, f.amount);
      fineAdded(rule, f.amount);
    }
    for (const f of change.finesRemoved) {
      const person = this.personAt(f.role, f.person, id);
      const rule = this.byRule.at(f.rule, id);
      fineRemoved(totals, f.amount);
      fineRemoved(store, f.amount);
      fineRemoved(month, f.amount);
      if (person) fineRemoved(person, f.amount);
      fineRemoved(rule, f.amount);
    }
    for (const d of change.deadlines) {
      const becameLate = d.after?.late === true && d.before?.late !== true;
      const becameOnTime = d.before?.late === true && d.after?.late !== true;
      const moved = d.before !== null && d.after !== null && d.before.dueAt !== d.after.dueAt;
      const person = this.personAt(d.role, d.person, id);
      const rule = this.byRule.at(d.rule, id);
      if (!becameLate && !becameOnTime && !moved) continue;
      deadlineChanged(totals, becameLate, becameOnTime, moved);
      deadlineChanged(store, becameLate, becameOnTime, moved);
      deadlineChanged(month, becameLate, becameOnTime, moved);
      if (person) deadlineChanged(person, becameLate, becameOnTime, moved);
      deadlineChanged(rule, becameLate, becameOnTime, moved);
    }
    const only = change.persons.length === 1 ? change.persons[0]! : null;
    const fallback = only && only.role === null ? this.personAt(null, only.person, id) : null;
    const slices = [totals, store, month, fallback] as const;
    if (change.approvalsAdded.length > 0) this.count(change.approvalsAdded, 'approvalsAdded', slices, id);
    if (change.approvalsRemoved.length > 0) this.count(change.approvalsRemoved, 'approvalsRemoved', slices, id);
    if (change.blocksAdded.length > 0) this.count(change.blocksAdded, 'blocksAdded', slices, id);
    if (change.blocksRemoved.length > 0) this.count(change.blocksRemoved, 'blocksRemoved', slices, id);
    for (const a of change.amountsChanged) this.byRule.at(a.rule, id);
  }

  /** Approvals or blocks added or removed: in the totals, store, month, the fallback person's slice and their rule's. */
  private count(
    items: readonly { rule: string }[],
    field: 'approvalsAdded' | 'approvalsRemoved' | 'blocksAdded' | 'blocksRemoved',
    slices: readonly (ImpactCounts | null)[],
    recordId: string,
  ): void {
    for (const item of items) {
      const rule = this.byRule.at(item.rule, recordId);
      for (const c of slices) if (c) c[field]++;
      rule[field]++;
    }
  }

  /** The slice of a person (role and name) a change falls on; none without a name. */
  private personAt(role: string | null, name: string | null, recordId: string): ImpactCounts | null {
    return name ? this.byPerson.at(`${role ?? ''}|${name}`, recordId) : null;
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
