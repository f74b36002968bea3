const PLAIN_PATH = /^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[[0-9]+\]))*$/;
const TOKEN = /\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g;

export function isPlainJsonPath(path: string): boolean {
  return PLAIN_PATH.test(path);
}

/**
 * json-rules-engine's `pathResolver`: only plain `$.a.b[0]` paths, own properties only.
 * Anything else (filters, scripts, wildcards) resolves to undefined; the pack checks refuse it earlier.
 */
export function resolveJsonPath(value: unknown, path: string): unknown {
  if (!isPlainJsonPath(path)) return undefined;
  let current = value;
  for (const match of path.matchAll(TOKEN)) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = match[1] ?? match[2]!;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
