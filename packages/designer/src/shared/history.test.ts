import { describe, expect, it } from 'vitest';
import { createHistory, pushHistory, redoHistory, undoHistory } from './history';

describe('history', () => {
  it('when changes are undone and redone, then the values come back in order', () => {
    let h = createHistory(1);
    h = pushHistory(h, 2);
    h = pushHistory(h, 3);
    h = undoHistory(h);
    expect(h.present).toBe(2);
    h = undoHistory(h);
    expect(h.present).toBe(1);
    h = undoHistory(h);
    expect(h.present).toBe(1);
    h = redoHistory(h);
    expect(h.present).toBe(2);
  });

  it('when a new change follows an undo, then the redo steps are dropped', () => {
    let h = pushHistory(pushHistory(createHistory('a'), 'b'), 'c');
    h = pushHistory(undoHistory(h), 'd');
    expect(h.future).toEqual([]);
    expect(redoHistory(h).present).toBe('d');
  });

  it('when typing in one input, then the keystrokes make one undo step', () => {
    let h = createHistory('');
    for (const text of ['h', 'he', 'hel']) h = pushHistory(h, text, 'label');
    expect(undoHistory(h).present).toBe('');
  });
});
