import type { LocalizedText, Pack } from '@aftersales/engine';
import type { ImpactCounts, ImpactTally } from './ImpactTally.js';
import type { RecordChange } from './RecordChange.js';

/** The whole answer of an impact replay (records by title; ids only as link targets). */
export interface ImpactAnswer {
  window: { from: string | null; to: string };
  /** The instant open deadlines are judged at. */
  now: string;
  forms: { id: string; title: LocalizedText }[];
  checked: number;
  changed: number;
  totals: ImpactCounts;
  byStore: (ImpactCounts & { store: string | null })[];
  byPerson: (ImpactCounts & { person: string; role: string | null; roleLabel: LocalizedText | null })[];
  byMonth: (ImpactCounts & { month: string })[];
  byRule: (ImpactCounts & { rule: string; title: LocalizedText })[];
  /** Changed records, newest first (at most the list limit; `changed` counts them all). */
  records: RecordChange[];
  truncated: boolean;
  /** How the replay ran: on worker threads or on the request's thread. */
  threads: number;
}

const byImpact = (a: ImpactCounts, b: ImpactCounts) =>
  b.becameLate + b.finesAdded + b.approvalsAdded + b.blocksAdded - (a.becameLate + a.finesAdded + a.approvalsAdded + a.blocksAdded) ||
  b.records - a.records;

/** Turns a tally into the answer: slices with their labels (rule titles, policy role names), largest first; months in order. */
export function impactAnswer(
  tally: ImpactTally,
  /** `packs`: the draft's, then the published one (names are taken from the first that has them). */
  context: { window: { from: string | undefined; to: string }; now: Date; packs: Pack[]; formIds: string[]; threads: number },
): ImpactAnswer {
  const ruleTitles = new Map<string, LocalizedText>();
  const roleLabels = new Map<string, LocalizedText>();
  const formTitles = new Map<string, LocalizedText>();
  // The first pack names first (the draft, then the published): a rule the draft renames reads as the admin renamed it.
  const first = <V>(map: Map<string, V>, key: string, value: V) => {
    if (!map.has(key)) map.set(key, value);
  };
  for (const pack of context.packs) {
    for (const [id, entry] of pack.ruleSets) for (const rule of entry.definition.rules) first(ruleTitles, `${id}/${rule.name}`, rule.title);
    for (const role of pack.roles?.definition.roles ?? []) first(roleLabels, role.id, role.label);
    for (const [id, entry] of pack.forms) first(formTitles, id, entry.definition.title);
  }
  const slices = <T>(map: Map<string, ImpactCounts>, label: (key: string) => T) =>
    [...map].map(([key, counts]) => ({ ...label(key), ...counts }));
  const records = [...tally.trim()];
  return {
    window: { from: context.window.from ?? null, to: context.window.to },
    now: context.now.toISOString(),
    forms: context.formIds.map((id) => ({ id, title: formTitles.get(id) ?? { 'zh-CN': id, en: id } })),
    checked: tally.checked,
    changed: tally.totals.records,
    totals: tally.totals,
    byStore: slices(tally.byStore.counts, (key) => ({ store: key === '' ? null : key })).sort(byImpact),
    byPerson: slices(tally.byPerson.counts, (key) => {
      const [role, ...name] = key.split('|');
      return { person: name.join('|'), role: role || null, roleLabel: role ? (roleLabels.get(role) ?? null) : null };
    }).sort(byImpact),
    byMonth: slices(tally.byMonth.counts, (month) => ({ month })).sort((a, b) => a.month.localeCompare(b.month)),
    byRule: slices(tally.byRule.counts, (rule) => ({
      rule,
      title: ruleTitles.get(rule) ?? { 'zh-CN': rule.split('/').pop() ?? rule, en: rule.split('/').pop() ?? rule },
    })).sort(byImpact),
    records,
    truncated: tally.totals.records > records.length,
    threads: context.threads,
  };
}
