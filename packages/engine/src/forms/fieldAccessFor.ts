import type { FieldAccess, FormDefinition } from './FormDefinition.js';

/** A field a person may not change in a state, with the policy roles who may. */
export interface LockedField {
  /** Dot path, e.g. "callTime". */
  field: string;
  editableBy: string[];
}

/**
 * The fields locked for a person in a state: every field some `fieldAccess` entry covers in that
 * state (entries without `inStates` cover every state) unless the person holds one of the roles
 * of an entry that covers it.
 */
export function lockedFields(
  form: Pick<FormDefinition, 'fieldAccess'>,
  status: string | null,
  policyRoles: readonly string[],
): LockedField[] {
  const byField = new Map<string, { editableBy: Set<string>; allowed: boolean }>();
  for (const entry of form.fieldAccess ?? []) {
    if (!covers(entry, status)) continue;
    const allowed = entry.editableBy.some((role) => policyRoles.includes(role));
    for (const field of entry.fields) {
      const seen = byField.get(field) ?? { editableBy: new Set<string>(), allowed: false };
      entry.editableBy.forEach((role) => seen.editableBy.add(role));
      seen.allowed ||= allowed;
      byField.set(field, seen);
    }
  }
  return [...byField].filter(([, v]) => !v.allowed).map(([field, v]) => ({ field, editableBy: [...v.editableBy] }));
}

/**
 * The locked fields a write changes: `before` is the record's data as stored (`{}` for a new
 * record), `after` what the person sends. An unchanged value is fine; an empty text, null and a
 * missing field are the same value.
 */
export function refusedFieldEdits(
  form: Pick<FormDefinition, 'fieldAccess'>,
  change: { before: unknown; after: unknown; status: string | null; policyRoles: readonly string[] },
): LockedField[] {
  return lockedFields(form, change.status, change.policyRoles).filter(
    ({ field }) => !sameValue(valueAt(change.before, field), valueAt(change.after, field)),
  );
}

function covers(entry: FieldAccess, status: string | null): boolean {
  return entry.inStates === undefined || (status !== null && entry.inStates.includes(status));
}

/** The value at a dot path (through lists: the list of values). */
function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const segment of path.split('.')) {
    if (Array.isArray(value)) value = value.map((item) => valueAt(item, segment));
    else if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment))
      value = (value as Record<string, unknown>)[segment];
    else return undefined;
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return canonical(a) === canonical(b);
}

/** JSON text with object keys sorted, so key order does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
