import { DEFAULT_JSON_LIMITS, type JsonLimits } from './limits.js';

export interface UnsafeJson {
  code: 'json.tooDeep' | 'json.tooManyNodes' | 'json.forbiddenKey';
  /** JSON pointer segments of the offending place. */
  path: (string | number)[];
  key?: string;
  limit?: number;
}

/**
 * Finds the first thing in a parsed JSON value that could harm the code that walks it:
 * a `__proto__` key (prototype pollution), `constructor.prototype`, nesting deeper than
 * the limit, or more values than the limit. Iterative, so deep input cannot overflow the stack.
 */
export function findUnsafeJson(value: unknown, limits: Partial<JsonLimits> = {}): UnsafeJson | undefined {
  const { maxDepth, maxNodes } = { ...DEFAULT_JSON_LIMITS, ...limits };
  const stack: { value: unknown; path: (string | number)[]; parentKey?: string }[] = [{ value, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, path, parentKey } = stack.pop()!;
    if (++nodes > maxNodes) return { code: 'json.tooManyNodes', path, limit: maxNodes };
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return { code: 'json.tooDeep', path, limit: maxDepth };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__' || (key === 'prototype' && parentKey === 'constructor')) {
        return { code: 'json.forbiddenKey', path: [...path, key], key };
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key], parentKey: key });
    }
  }
  return undefined;
}
