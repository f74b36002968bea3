import type { DerivedFact, LocalizedText } from '@aftersales/engine';
import { codeFromLabel } from '../shared/codeFromLabel';
import { codeAfterRename } from '../shared/followsLabel';
import { changeFactKind, defaultFactLabel, newFact, type FactKind, type FactStarterContext } from './factModel';

/** Codes made from a fact's name start with this when the name has no letter to start with. */
const FALLBACK = 'fact';

/** "工作小时", "工作小时2", ...: the kind's name, numbered when another fact has it. */
function uniqueName(base: string, facts: Record<string, DerivedFact>, except?: string): string {
  const taken = new Set(
    Object.entries(facts)
      .filter(([name]) => name !== except)
      .map(([, f]) => f.label['zh-CN']),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** Whether a name is one a new fact of the kind was given ("关联记录的值", "关联记录的值2"), not one a person typed. */
export function isGivenName(kind: FactKind, label: LocalizedText): boolean {
  const base = defaultFactLabel(kind)['zh-CN'];
  const zh = label['zh-CN'];
  return zh.startsWith(base) && /^\d*$/.test(zh.slice(base.length));
}

/** A name in Chinese only: the English name falls back to it until someone translates it. */
const chineseOnly = (zh: string): LocalizedText => ({ 'zh-CN': zh, en: zh });

/**
 * A new fact of the given kind, named in words ("工作小时", numbered when taken) and its code made
 * from that name (pinyin, "gongZuoXiaoShi"): nobody types a code or an English name to add one.
 */
export function namedNewFact(
  kind: FactKind,
  facts: Record<string, DerivedFact>,
  context: FactStarterContext,
): { name: string; fact: DerivedFact } {
  const fact = newFact(kind, context);
  fact.label = chineseOnly(uniqueName(fact.label['zh-CN'], facts));
  return { name: codeFromLabel(fact.label['zh-CN'], 'camel', Object.keys(facts), FALLBACK), fact };
}

/** The fact's code after its name changed: it follows the name while it is the code the old name made, else it is kept. */
export function factCodeAfterRename(name: string, before: LocalizedText, after: LocalizedText, facts: Record<string, DerivedFact>): string {
  const others = Object.keys(facts).filter((k) => k !== name);
  return codeAfterRename(name, before['zh-CN'], after['zh-CN'], 'camel', others, FALLBACK);
}

/** Whether a name is still the one a new fact of its kind got ("工作小时", "工作小时2"). */
function isStarterName(fact: DerivedFact, context: FactStarterContext): boolean {
  const base = newFact(fact.kind, context).label['zh-CN'];
  const zh = fact.label['zh-CN'];
  return (
    (zh === base || new RegExp(`^${base}\\d+$`).test(zh)) &&
    (fact.label.en === zh || fact.label.en === newFact(fact.kind, context).label.en)
  );
}

/** The fact as another kind; a name nobody changed becomes the new kind's name (and the code follows it). */
export function namedFactOfKind(
  name: string,
  fact: DerivedFact,
  kind: FactKind,
  facts: Record<string, DerivedFact>,
  context: FactStarterContext,
): { name: string; fact: DerivedFact } {
  if (kind === fact.kind) return { name, fact };
  const next = changeFactKind(fact, kind, context);
  if (isStarterName(fact, context)) next.label = chineseOnly(uniqueName(newFact(kind, context).label['zh-CN'], facts, name));
  return { name: factCodeAfterRename(name, fact.label, next.label, facts), fact: next };
}
