import type { OutcomeEvent, RuleDefinition } from '@aftersales/engine';
import { codeFromLabel } from '../shared/codeFromLabel';
import { codeAfterRename } from '../shared/followsLabel';

type DeadlineParams = Extract<OutcomeEvent, { type: 'deadline' }>['params'];

const FALLBACK = 'deadline';

/** The keys of the deadlines the given rules set (a deadline's key is unique in its rule set). */
export function deadlineKeys(rules: readonly Pick<RuleDefinition, 'event'>[]): string[] {
  return rules.flatMap((r) => (r.event.type === 'deadline' ? [r.event.params.key] : []));
}

/** The key of a new deadline, before it has a title: "deadline", numbered when taken. */
export function newDeadlineKey(taken: Iterable<string>): string {
  return codeFromLabel('', 'camel', taken, FALLBACK);
}

/**
 * A deadline's params after an edit of its form: the key (shown only under "advanced") follows the
 * title as pinyin ("到场" -> "daoChang") while it is the key the old title made, and stays unique among
 * `taken` (the rule set's other deadline keys). A key someone chose, or that an existing deadline
 * already has ("arrival"), is kept.
 */
export function withDeadlineKey(before: DeadlineParams, after: DeadlineParams, taken: readonly string[]): DeadlineParams {
  if (after.key !== before.key) return after;
  const key = codeAfterRename(before.key, before.what['zh-CN'], after.what['zh-CN'], 'camel', taken, FALLBACK);
  return key === after.key ? after : { ...after, key };
}
