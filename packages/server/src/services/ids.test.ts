import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids.js';

describe('timeOrderedId', () => {
  it('when ids are made, then each is a distinct version 7 UUID and later milliseconds sort later', async () => {
    const first = Array.from({ length: 600 }, timeOrderedId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = timeOrderedId();
    expect(new Set(first).size).toBe(600);
    for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.every((id) => id < later)).toBe(true);
  });
});
