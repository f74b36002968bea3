import { describe, expect, it } from 'vitest';
import { topRow, type RowBox } from './topRow';

/** `count` rows of 70 px, the first one's top at `first` (window coordinates, negative: scrolled past). */
function rows(count: number, first: number): { boxes: RowBox[]; read: number[] } {
  const boxes = Array.from({ length: count }, (_, i) => ({ key: `r${i}`, top: first + i * 70, bottom: first + (i + 1) * 70 }));
  return { boxes, read: [] };
}

describe('topRow', () => {
  it('when the list is scrolled down, then the row at the window top is the first whose bottom is below it (a cut-off one included)', () => {
    const { boxes } = rows(150, -8410);
    expect(topRow(boxes.length, (i) => boxes[i]!)).toEqual({ key: 'r120', top: -10, bottom: 60 });
  });

  it('when a row ends exactly at the window top, then the next one is the top row', () => {
    const { boxes } = rows(10, -140);
    expect(topRow(boxes.length, (i) => boxes[i]!)?.key).toBe('r2');
  });

  it('when the list starts below the window top (filters above it), then its first row is the top row', () => {
    const { boxes } = rows(50, 300);
    expect(topRow(boxes.length, (i) => boxes[i]!)?.key).toBe('r0');
  });

  it('when every row is above the window (scrolled past the list) or there is none, then there is no top row', () => {
    const { boxes } = rows(5, -1000);
    expect(topRow(boxes.length, (i) => boxes[i]!)).toBeUndefined();
    expect(topRow(0, () => ({ key: '', top: 0, bottom: 0 }))).toBeUndefined();
  });

  it('when the list has thousands of rows, then only a few are measured', () => {
    const { boxes, read } = rows(5000, -200_000);
    expect(topRow(boxes.length, (i) => (read.push(i), boxes[i]!))?.key).toBe('r2857');
    expect(read.length).toBeLessThanOrEqual(14);
  });
});
