import { codeFromLabel } from './codeFromLabel';

/**
 * Whether a code is still the one the label made (nobody edited it under "advanced"), so that it
 * follows the label as the admin renames it: a new status, rule or shared condition gets its code
 * from its first name without anyone typing one. `taken`: the codes of its siblings.
 */
function followsLabel(code: string, label: string, style: 'camel' | 'kebab', taken: Iterable<string>, fallback: string): boolean {
  return code === codeFromLabel(label, style, taken, fallback);
}

/** The code for a renamed item: made from the new label when the old code followed the old label, else kept. */
export function codeAfterRename(
  code: string,
  before: string,
  after: string,
  style: 'camel' | 'kebab',
  taken: Iterable<string>,
  fallback: string,
): string {
  const others = [...taken].filter((c) => c !== code);
  return after.trim() !== '' && followsLabel(code, before, style, others, fallback) ? codeFromLabel(after, style, others, fallback) : code;
}
