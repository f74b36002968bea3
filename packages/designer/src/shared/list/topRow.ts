/** A row of a list on the screen: its key and where its box is (`getBoundingClientRect`, window coordinates). */
export interface RowBox {
  key: string;
  top: number;
  bottom: number;
}

/**
 * The first row at or below the window's top edge (`edge`, 0 for the window itself): the one whose
 * bottom is below the edge. The rows are in order down the page; a binary search reads only a few
 * of thousands. Undefined when every row is above the edge, or there is none.
 */
export function topRow(count: number, box: (index: number) => RowBox, edge = 0): RowBox | undefined {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (box(mid).bottom > edge) high = mid;
    else low = mid + 1;
  }
  return low < count ? box(low) : undefined;
}
