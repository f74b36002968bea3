import { describe, expect, it } from 'vitest';
import { pagesUpTo, type CursorPage } from './pagesUpTo';

/** A server list of `total` rows (numbers) answering pages of at most `cap`, recording every request's limit. */
function server(total: number, cap: number) {
  const requests: { limit: number; cursor?: string }[] = [];
  const fetchPage = (limit: number, cursor?: string): Promise<CursorPage<number> & { total: number }> => {
    requests.push(cursor === undefined ? { limit } : { limit, cursor });
    if (limit > cap) return Promise.reject(new Error(`limit ${limit} above ${cap}`));
    const from = cursor === undefined ? 0 : Number(cursor);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => from + i);
    const next = from + items.length;
    return Promise.resolve({ items, nextCursor: next < total ? String(next) : null, total });
  };
  return { fetchPage, requests };
}

describe('pagesUpTo', () => {
  it('when a list had three pages loaded, then they come back in one request, with the cursor after them', async () => {
    const { fetchPage, requests } = server(170, 500);
    const page = await pagesUpTo(fetchPage, 150, { page: 50, largest: 500 });
    expect(page.items).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(page.nextCursor).toBe('150');
    expect(page.total).toBe(170);
    expect(requests).toEqual([{ limit: 150 }]);
  });

  it('when more rows were loaded than the server answers at once, then as few requests as its cap allows', async () => {
    const { fetchPage, requests } = server(5000, 500);
    const page = await pagesUpTo(fetchPage, 1200, { page: 50, largest: 500 });
    expect(page.items).toHaveLength(1200);
    expect(new Set(page.items).size).toBe(1200);
    expect(page.nextCursor).toBe('1200');
    expect(requests).toEqual([{ limit: 500 }, { limit: 500, cursor: '500' }, { limit: 200, cursor: '1000' }]);
  });

  it('when the list has fewer rows now than were loaded, then it stops at its end', async () => {
    const { fetchPage, requests } = server(620, 500);
    const page = await pagesUpTo(fetchPage, 900, { page: 50, largest: 500 });
    expect(page.items).toHaveLength(620);
    expect(page.nextCursor).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('when fewer rows than a page are asked for, then a whole page comes', async () => {
    const { fetchPage, requests } = server(170, 500);
    expect((await pagesUpTo(fetchPage, 0, { page: 50, largest: 500 })).items).toHaveLength(50);
    expect(requests).toEqual([{ limit: 50 }]);
  });

  it('when a request fails, then the failure is answered', async () => {
    const fetchPage = () => Promise.reject(new Error('offline'));
    await expect(pagesUpTo(fetchPage, 150, { page: 50, largest: 500 })).rejects.toThrow('offline');
  });
});
