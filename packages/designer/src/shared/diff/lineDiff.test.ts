import { describe, expect, it } from 'vitest';
import { hasChanges, lineDiff } from './lineDiff';

describe('lineDiff', () => {
  it('when the texts are equal, then every row is the same', () => {
    const rows = lineDiff('a\nb', 'a\nb');
    expect(hasChanges(rows)).toBe(false);
    expect(rows).toHaveLength(2);
  });

  it('when a line changes, then it pairs the removed and added line', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', left: 1, right: 1, text: 'a' },
      { kind: 'changed', left: 2, right: 2, leftText: 'b', rightText: 'x' },
      { kind: 'same', left: 3, right: 3, text: 'c' },
    ]);
  });

  it('when lines are added, then the left side is empty for them', () => {
    const rows = lineDiff('a\nc', 'a\nb1\nb2\nc');
    expect(rows.filter((r) => r.kind === 'changed')).toEqual([
      { kind: 'changed', left: null, right: 2, leftText: null, rightText: 'b1' },
      { kind: 'changed', left: null, right: 3, leftText: null, rightText: 'b2' },
    ]);
    expect(rows.at(-1)).toEqual({ kind: 'same', left: 2, right: 4, text: 'c' });
  });
});
