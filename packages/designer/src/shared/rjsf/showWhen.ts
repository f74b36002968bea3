/** `ui:showWhen` of a field: shown only when a sibling field has a value (any, or the one given). */
export interface ShowWhenRule {
  field: string;
  equals?: unknown;
}

export function isShown(rule: ShowWhenRule | undefined, siblings: Record<string, unknown> | undefined): boolean {
  if (!rule) return true;
  const value = siblings?.[rule.field];
  if (rule.equals === undefined)
    return !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));
  return Array.isArray(value) ? value.includes(rule.equals) : value === rule.equals;
}

export function showWhenOf(ui: unknown): ShowWhenRule | undefined {
  if (!ui || typeof ui !== 'object') return undefined;
  const rule = (ui as Record<string, unknown>)['ui:showWhen'];
  return rule && typeof rule === 'object' && typeof (rule as { field?: unknown }).field === 'string' ? (rule as ShowWhenRule) : undefined;
}
