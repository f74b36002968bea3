/** The key of an enum value in `x-enumTitles`: the value itself for strings, its JSON text otherwise. */
export function enumKey(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
