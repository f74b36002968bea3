import type { DocumentKind } from './types.js';

/** The form a rule set belongs to (stored beside it, to list a form's rule sets); null for other kinds. */
export function formOf(kind: DocumentKind, definition: unknown): string | null {
  if (kind !== 'ruleset' || !definition || typeof definition !== 'object') return null;
  const form = (definition as { form?: unknown }).form;
  return typeof form === 'string' ? form : null;
}
