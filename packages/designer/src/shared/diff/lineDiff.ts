export type DiffRow =
  | { kind: 'same'; left: number; right: number; text: string }
  | { kind: 'changed'; left: number | null; right: number | null; leftText: string | null; rightText: string | null };

/**
 * Side-by-side rows of a line diff (longest common subsequence): unchanged lines pair up, and
 * each run of removed/added lines is paired line by line. Line numbers are 1-based.
 */
export function lineDiff(a: string, b: string): DiffRow[] {
  const left = a.split('\n');
  const right = b.split('\n');
  // Trim the common head and tail: versions usually differ in a few places.
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head++;
  let tail = 0;
  while (tail < left.length - head && tail < right.length - head && left[left.length - 1 - tail] === right[right.length - 1 - tail]) tail++;
  const l = left.slice(head, left.length - tail);
  const r = right.slice(head, right.length - tail);
  const n = l.length;
  const m = r.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = l[i] === r[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);

  const rows: DiffRow[] = [];
  for (let k = 0; k < head; k++) rows.push({ kind: 'same', left: k + 1, right: k + 1, text: left[k]! });
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const li = removed[k];
      const ri = added[k];
      rows.push({
        kind: 'changed',
        left: li === undefined ? null : head + li + 1,
        right: ri === undefined ? null : head + ri + 1,
        leftText: li === undefined ? null : l[li]!,
        rightText: ri === undefined ? null : r[ri]!,
      });
    }
    removed = [];
    added = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && l[i] === r[j]) {
      flush();
      rows.push({ kind: 'same', left: head + i + 1, right: head + j + 1, text: l[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) removed.push(i++);
    else added.push(j++);
  }
  flush();
  for (let k = 0; k < tail; k++) {
    const li = left.length - tail + k;
    const ri = right.length - tail + k;
    rows.push({ kind: 'same', left: li + 1, right: ri + 1, text: left[li]! });
  }
  return rows;
}

/** True when the two texts differ. */
export const hasChanges = (rows: DiffRow[]) => rows.some((r) => r.kind === 'changed');
