import type { TableCell } from './TableCell.js';
import { cellMatches } from './TableCell.js';
import { columnValues, inferDomain, type ColumnDomain } from './columnValues.js';

/** Whether one record can match both rows: in every column, some value satisfies both cells. */
export function rowsOverlap(a: TableCell[], b: TableCell[], domains?: (ColumnDomain | undefined)[]): boolean {
  return a.every((cellA, column) => {
    const cellB = b[column] ?? { op: 'any' };
    const domain = domains?.[column] ?? inferDomain([cellA, cellB]);
    return columnValues([cellA, cellB], domain).some((v) => cellMatches(cellA, v.value) && cellMatches(cellB, v.value));
  });
}
