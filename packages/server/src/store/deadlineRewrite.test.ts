import { describe, expect, it } from 'vitest';
import { rewriteDeadlines } from './deadlineRewrite.js';
import type { DeadlineRow } from './types.js';

const deadline = (key: string, dueAt: string, metAt: string | null = null): DeadlineRow['deadline'] =>
  ({ key, dueAt, metAt, state: metAt ? 'met' : 'open', overdueMs: 0, calendar: 'default', startedAt: null, remindAt: null }) as never;
const row = (key: string, dueAt: string, metAt: string | null = null): DeadlineRow => ({
  recordId: 'r1',
  formId: 'after-sales-record',
  key,
  dueAt,
  state: metAt ? 'met' : 'open',
  remindAt: null,
  reminded: false,
  deadline: deadline(key, dueAt, metAt),
});

describe('rewriteDeadlines', () => {
  it('when the record has no breach, then every computed deadline is written as computed', () => {
    const computed = [row('arrival', '2025-10-09T06:00:00.000Z'), row('revenue', '2025-10-10T10:00:00.000Z')];
    expect(rewriteDeadlines(new Map(), computed)).toEqual({ insert: computed, metAtUpdates: [] });
  });

  it('when a deadline was breached, then the write keeps the breach, even if the edit moved its due time or met it in time', () => {
    const breached = new Map([['arrival', deadline('arrival', '2025-10-09T06:00:00.000Z')]]);
    const { insert, metAtUpdates } = rewriteDeadlines(breached, [
      row('arrival', '2025-10-12T06:00:00.000Z'),
      row('revenue', '2025-10-10T10:00:00.000Z'),
    ]);
    expect(insert.map((d) => d.key)).toEqual(['revenue']);
    expect(metAtUpdates).toEqual([]);
  });

  it('when the work of a breached deadline is done, then only when it was met is added, with how late it was then', () => {
    const breached = new Map([['arrival', deadline('arrival', '2025-10-09T06:00:00.000Z')]]);
    const { insert, metAtUpdates } = rewriteDeadlines(breached, [row('arrival', '2025-10-09T06:00:00.000Z', '2025-10-09T08:00:00.000Z')]);
    expect(insert).toEqual([]);
    expect(metAtUpdates).toEqual([
      {
        key: 'arrival',
        deadline: expect.objectContaining({ dueAt: '2025-10-09T06:00:00.000Z', metAt: '2025-10-09T08:00:00.000Z', overdueMs: 7_200_000 }),
      },
    ]);
  });

  it('when the completion of a breached deadline is emptied again, then it counts again; when nothing changed, nothing is written', () => {
    const met = new Map([['arrival', deadline('arrival', '2025-10-09T06:00:00.000Z', '2025-10-09T08:00:00.000Z')]]);
    expect(rewriteDeadlines(met, [row('arrival', '2025-10-09T06:00:00.000Z')]).metAtUpdates).toEqual([
      { key: 'arrival', deadline: expect.objectContaining({ metAt: null }) },
    ]);
    expect(rewriteDeadlines(met, [row('arrival', '2025-10-09T06:00:00.000Z', '2025-10-09T08:00:00.000Z')])).toEqual({
      insert: [],
      metAtUpdates: [],
    });
  });
});
