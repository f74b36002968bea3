/** Whether record data holds nothing a person typed: empty texts, lists and groups of nothing count as empty. */
export function isEmptyData(data: unknown): boolean {
  if (data === undefined || data === null || data === '') return true;
  if (Array.isArray(data)) return data.every(isEmptyData);
  if (typeof data === 'object') return Object.values(data).every(isEmptyData);
  return false;
}
