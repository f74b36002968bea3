/** A page of a cursor-paged list, as the server answers it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The first `rows` rows of a paged list in as few requests as the server allows (`largest` a request,
 * the API's cap), at least `page` of them: a list that had ten pages loaded comes back in one request,
 * not ten. Answers the last page with every row before it (its total and cursor go on from there).
 */
export async function pagesUpTo<T, P extends CursorPage<T>>(
  fetchPage: (limit: number, cursor?: string) => Promise<P>,
  rows: number,
  sizes: { page: number; largest: number },
): Promise<P> {
  const wanted = Math.max(sizes.page, rows);
  let last = await fetchPage(Math.min(wanted, sizes.largest));
  const items = [...last.items];
  while (items.length < wanted && last.nextCursor !== null && last.items.length > 0) {
    last = await fetchPage(Math.min(wanted - items.length, sizes.largest), last.nextCursor);
    items.push(...last.items);
  }
  return { ...last, items };
}
