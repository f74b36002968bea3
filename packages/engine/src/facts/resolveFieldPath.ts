const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Reads a dot path ("customer.phone") from a record, through own properties only.
 * Crossing an array maps over its items, so "partsUsed.qty" is the list of quantities.
 * Missing: undefined. No expressions, no prototype access.
 */
export function resolveFieldPath(record: unknown, path: string): unknown {
  return walk(record, segmentsOf(path), 0);
}

/** `resolveFieldPath` of a path already split at dots. */
export function walkFieldPath(record: unknown, segments: readonly string[]): unknown {
  return walk(record, segments, 0);
}

const split = new Map<string, string[]>();

/** Paths come from a handful of rule files: split each once. */
function segmentsOf(path: string): string[] {
  let segments = split.get(path);
  if (!segments) {
    if (split.size >= 10_000) split.clear();
    segments = path.split('.');
    split.set(path, segments);
  }
  return segments;
}

function walk(value: unknown, segments: readonly string[], index: number): unknown {
  if (index === segments.length) return value;
  if (Array.isArray(value)) return value.flatMap((item) => asList(walk(item, segments, index)));
  if (value === null || typeof value !== 'object') return undefined;
  const key = segments[index]!;
  if (!hasOwn(value, key)) return undefined;
  return walk((value as Record<string, unknown>)[key], segments, index + 1);
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
