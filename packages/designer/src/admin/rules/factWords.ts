import type { DerivedFact, LocalizedText } from '@aftersales/engine';

/** How a fact is named in words, in the interface's language (from the `facts.spoken.*` messages). */
export interface FactWordings {
  /** A fact with a name: `事实“本周打折次数”`. */
  named: (label: string) => string;
  /** A fact nobody named yet, by its place in the list: `第 3 个事实`. */
  numbered: (n: number) => string;
  /** A fact whose name another fact has too, told apart by its place: `第 3 个事实“折扣次数”`. */
  sameName: (label: string, n: number) => string;
}

/**
 * Each fact's name as people read it (screen readers, tooltips, messages), by code: its name in the
 * interface's language (`text` falls back to the other one), or its place in the list when it has no
 * name yet; two facts of the same name get their places too, so that no two are named alike. Never
 * the code, which only the "advanced" code box shows.
 */
export function factSpokenNames(
  facts: Record<string, DerivedFact>,
  text: (label: LocalizedText | undefined) => string,
  words: FactWordings,
): Record<string, string> {
  const entries = Object.entries(facts).map(([code, fact], index) => ({ code, label: text(fact.label).trim(), n: index + 1 }));
  const uses = new Map<string, number>();
  for (const { label } of entries) if (label) uses.set(label, (uses.get(label) ?? 0) + 1);
  const names: Record<string, string> = {};
  for (const { code, label, n } of entries)
    names[code] = !label ? words.numbered(n) : uses.get(label)! > 1 ? words.sameName(label, n) : words.named(label);
  return names;
}
