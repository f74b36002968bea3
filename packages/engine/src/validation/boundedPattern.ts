/**
 * Whether a backtracking engine (the browser's RegExp) matches a pattern in time linear in the
 * input, with a small constant: the pattern has no unbounded repetition (`*`, `+`, `{n,}`), and
 * the ways it can match at one position (its paths, counted through alternatives and bounded
 * repetitions) times the longest text it can match stay under `MAX_BOUNDED_WORK`. A backtracking
 * search from one position explores at most those paths, so the work is at most input length ×
 * paths × length. Such patterns (`^1[3-9]\d{9}$`, `^\d{6}$`, …) run natively in the browser,
 * sparing it the linear engine's download; every other pattern runs on RE2 there as on the server.
 * Lookaround and backreferences are never bounded (the validators refuse them anyway).
 */
export const MAX_BOUNDED_WORK = 1000;

interface Cost {
  paths: number;
  length: number;
}

class Unbounded extends Error {}

const cap = (n: number) => {
  if (n > MAX_BOUNDED_WORK) throw new Unbounded();
  return n;
};

export function isBoundedPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  const p = pattern;
  let i = 0;

  function alternation(): Cost {
    let cost = sequence();
    while (p[i] === '|') {
      i += 1;
      const next = sequence();
      cost = { paths: cap(cost.paths + next.paths), length: Math.max(cost.length, next.length) };
    }
    return cost;
  }

  function sequence(): Cost {
    let cost = { paths: 1, length: 0 };
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      const next = quantified(atom());
      cost = { paths: cap(cost.paths * next.paths), length: cap(cost.length + next.length) };
    }
    return cost;
  }

  /** Skips the rest of an escape after `\` and its letter, so `\u{1F600}` is not read as a repeat. */
  function skipEscapeBody(letter: string) {
    if ((letter === 'u' && p[i] === '{') || letter === 'p' || letter === 'P') i = p.indexOf('}', i) + 1;
    else if (letter === 'u') i += 4;
    else if (letter === 'x') i += 2;
    else if (letter === 'c') i += 1;
  }

  function atom(): Cost {
    const c = p[i]!;
    if (c === '(') {
      if (/^\(\?(=|!|<=|<!)/.test(p.slice(i, i + 4))) throw new Unbounded();
      if (p.startsWith('(?:', i)) i += 3;
      else if (p.startsWith('(?<', i)) i = p.indexOf('>', i) + 1;
      else i += 1;
      const inner = alternation();
      i += 1; // ')'
      return inner;
    }
    if (c === '[') {
      i += 1;
      while (p[i] !== ']') {
        if (p[i] === '\\') {
          i += 2;
          skipEscapeBody(p[i - 1]!);
        } else i += 1;
      }
      i += 1;
      return { paths: 1, length: 1 };
    }
    if (c === '\\') {
      const letter = p[i + 1]!;
      if (/[1-9k]/.test(letter)) throw new Unbounded();
      i += 2;
      skipEscapeBody(letter);
      return { paths: 1, length: 1 };
    }
    i += (p.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    return { paths: 1, length: c === '^' || c === '$' ? 0 : 1 };
  }

  function quantified(item: Cost): Cost {
    let min: number;
    let max: number;
    const c = p[i];
    const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i)) : null;
    if (c === '*' || c === '+') throw new Unbounded();
    if (c === '?') {
      [min, max] = [0, 1];
      i += 1;
    } else if (braces) {
      min = Number(braces[1]);
      if (braces[2] !== undefined && braces[3] === '') throw new Unbounded();
      max = braces[2] === undefined ? min : Number(braces[3]);
      i += braces[0].length;
    } else return item;
    if (p[i] === '?') i += 1; // lazy: the same paths, in another order
    cap(max);
    let paths = 0;
    for (let k = min; k <= max; k += 1) paths = cap(paths + cap(item.paths ** k));
    return { paths, length: cap(item.length * max) };
  }

  try {
    const cost = alternation();
    return cost.paths * (cost.length + 1) <= MAX_BOUNDED_WORK;
  } catch (error) {
    if (error instanceof Unbounded) return false;
    throw error;
  }
}
