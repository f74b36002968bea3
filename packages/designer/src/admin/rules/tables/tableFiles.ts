import Papa from 'papaparse';

/** A sheet as rows of text: the table's header row, then one row per rule. */
export type Sheet = string[][];

/** Downloads a sheet as an Excel workbook (cells written as text, never as formulas). */
export async function downloadXlsx(sheet: Sheet, fileName: string, sheetName: string): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  await writeXlsxFile(
    sheet.map((row, r) => row.map((value) => ({ value, type: String, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) }))),
    { sheet: sheetName.slice(0, 31) || 'Sheet1', stickyRowsCount: 1, columns: sheet[0]?.map(() => ({ width: 18 })) ?? [] },
  ).toFile(fileName);
}

/** Downloads a sheet as CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text right). */
export function downloadCsv(sheet: Sheet, fileName: string): void {
  const csv = Papa.unparse(sheet, { escapeFormulae: true });
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** At most this many bytes are read from an imported file (a table of a few hundred rows is far less). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Reads an .xlsx or .csv file into rows of text (its first sheet). */
export async function readSheetFile(file: File): Promise<Sheet> {
  if (file.size > MAX_IMPORT_BYTES) throw new Error('too-large');
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
    const text = (await file.text()).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    // A guarded formula cell of our own export starts with a quote: read it back as the value.
    return parsed.data.map((row) => row.map((cell) => String(cell).replace(/^'(?=[=+\-@\t\r])/, '')));
  }
  const { readSheet } = await import('read-excel-file/browser');
  const rows = await readSheet(file);
  return rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell))),
  );
}

/** Reads text pasted from a spreadsheet (tab-separated rows). */
export function readPastedCells(text: string): Sheet {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
}
