/**
 * ECMAScript regular expressions (JSON Schema `pattern`, `patternProperties` keys; `u` flag, as
 * ajv compiles them with `unicodeRegExp`) translated to RE2 syntax, to be matched by `re2js` in
 * time linear in the input, whatever the pattern: a form author cannot write a pattern that
 * freezes the server or a browser (ReDoS). Patterns RE2 cannot express are refused, with a reason.
 *
 * The translation keeps ECMAScript's meaning where the two syntaxes differ: `.` excludes the four
 * line terminators, `\s`/`\S` are ECMAScript's white space (Unicode space separators, BOM, line
 * terminators), `\uXXXX`/`\u{X}` escapes and surrogate pairs are code points, `[` inside a class is
 * a literal (not a POSIX class), `[]` matches nothing and `[^]` anything, `\p{Script=X}` and long
 * General_Category names are RE2's short ones. `\d`, `\w`, `\b` are ASCII in both.
 */

/** Why a pattern is refused; each reason has a problem code (see patternProblem.ts). */
export type PatternRefusal =
  | { reason: 'invalid'; detail: string }
  | { reason: 'lookaround' }
  | { reason: 'backreference' }
  | { reason: 'tooLong'; limit: number }
  | { reason: 'tooComplex'; size: number; limit: number }
  | { reason: 'unsupported'; detail: string };

export type TranslatedPattern = { ok: true; source: string } | ({ ok: false } & PatternRefusal);

/** Longest pattern accepted (characters): patterns are short in practice; this bounds compile work. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * Largest RE2 program accepted (RE2's `programSize`, about one per character or class after
 * bounded repeats are unrolled: `^1[3-9]\d{9}$` is 16, `^.{1,200}$` 403). Matching is linear in the
 * input with a factor that grows with the program: this keeps a 1 MB string to about a second.
 */
export const MAX_PROGRAM_SIZE = 500;

type Range = readonly [number, number];
const MAX_CP = 0x10ffff;

/** ECMAScript `\s`: WhiteSpace (TAB, VT, FF, ZWNBSP, Zs) and LineTerminator (LF, CR, LS, PS). */
const WHITE_SPACE: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const ASCII: Range[] = [[0, 0x7f]];
/** What `.` does not match without the `s` flag. */
const LINE_TERMINATORS: Range[] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

const hex = (cp: number) => `\\x{${cp.toString(16).toUpperCase()}}`;
const rangeText = (ranges: Range[]) => ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
const literal = (cp: number) => (/[A-Za-z0-9]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp));

/** ECMAScript's long General_Category names (and aliases) as RE2's short ones. */
const GENERAL_CATEGORY: Record<string, string> = {
  Letter: 'L',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
  Unassigned: 'Cn',
};

/** One escape or character: a code point, a set of ranges, or RE2 text that means the same. */
type Atom = { kind: 'char'; cp: number } | { kind: 'set'; ranges: Range[]; negate: boolean } | { kind: 'raw'; text: string };

class Refused extends Error {
  constructor(readonly refusal: PatternRefusal) {
    super(refusal.reason);
  }
}

/** Translates a pattern already known to be a valid ECMAScript `u` pattern. */
function translateValid(p: string): string {
  let i = 0;
  let out = '';

  const codePointAt = (at: number) => p.codePointAt(at)!;
  const width = (cp: number) => (cp > 0xffff ? 2 : 1);

  function property(negate: boolean): Atom {
    const close = p.indexOf('}', i);
    const body = p.slice(i + 1, close);
    i = close + 1;
    const [name, value] = body.includes('=') ? (body.split('=') as [string, string]) : [undefined, body];
    if (body === 'ASCII') return { kind: 'set', ranges: ASCII, negate };
    if (name === 'Script_Extensions' || name === 'scx') throw new Refused({ reason: 'unsupported', detail: `\\p{${body}}` });
    const re2Name = name === 'Script' || name === 'sc' ? value : (GENERAL_CATEGORY[value] ?? value);
    return { kind: 'raw', text: `\\${negate ? 'P' : 'p'}{${re2Name}}` };
  }

  /** The escape at `i` (`p[i]` is the backslash); moves `i` past it. */
  function escape(inClass: boolean): Atom {
    const c = p[i + 1]!;
    i += 2;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return { kind: 'raw', text: `\\${c}` };
      case 'b':
        return inClass ? { kind: 'char', cp: 8 } : { kind: 'raw', text: '\\b' };
      case 'B':
        return { kind: 'raw', text: '\\B' };
      case 's':
      case 'S':
        return { kind: 'set', ranges: WHITE_SPACE, negate: c === 'S' };
      case 'f':
        return { kind: 'char', cp: 0x0c };
      case 'n':
        return { kind: 'char', cp: 0x0a };
      case 'r':
        return { kind: 'char', cp: 0x0d };
      case 't':
        return { kind: 'char', cp: 0x09 };
      case 'v':
        return { kind: 'char', cp: 0x0b };
      case '0':
        return { kind: 'char', cp: 0 };
      case 'k':
        throw new Refused({ reason: 'backreference' });
      case 'c': {
        const cp = p.charCodeAt(i) % 32;
        i += 1;
        return { kind: 'char', cp };
      }
      case 'x': {
        const cp = parseInt(p.slice(i, i + 2), 16);
        i += 2;
        return { kind: 'char', cp };
      }
      case 'u': {
        if (p[i] === '{') {
          const close = p.indexOf('}', i);
          const cp = parseInt(p.slice(i + 1, close), 16);
          i = close + 1;
          return { kind: 'char', cp };
        }
        let cp = parseInt(p.slice(i, i + 4), 16);
        i += 4;
        const low = /^\\u([Dd][C-Fc-f][0-9A-Fa-f]{2})/.exec(p.slice(i));
        if (cp >= 0xd800 && cp <= 0xdbff && low) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
          i += 6;
        }
        return { kind: 'char', cp };
      }
      case 'p':
      case 'P':
        return property(c === 'P');
      default:
        if (c >= '1' && c <= '9') throw new Refused({ reason: 'backreference' });
        // An identity escape of a syntax character (or `-` in a class).
        return { kind: 'char', cp: c.charCodeAt(0) };
    }
  }

  /** An atom inside a class: escape or code point. */
  function classAtom(): Atom {
    if (p[i] === '\\') return escape(true);
    const cp = codePointAt(i);
    i += width(cp);
    return { kind: 'char', cp };
  }

  /** An atom as text inside an RE2 class. */
  function inClass(atom: Atom): string {
    if (atom.kind === 'char') return hex(atom.cp);
    if (atom.kind === 'raw') return atom.text;
    return rangeText(atom.negate ? complement(atom.ranges) : atom.ranges);
  }

  function characterClass(): string {
    i += 1;
    const negate = p[i] === '^';
    if (negate) i += 1;
    let body = '';
    while (p[i] !== ']') {
      const first = classAtom();
      if (p[i] === '-' && p[i + 1] !== ']' && first.kind === 'char') {
        i += 1;
        const last = classAtom();
        body += `${hex(first.cp)}-${inClass(last)}`;
      } else body += inClass(first);
    }
    i += 1;
    // `[]` matches nothing, `[^]` any code point.
    if (body === '') return negate ? `[${rangeText([[0, MAX_CP]])}]` : `[^${rangeText([[0, MAX_CP]])}]`;
    return `[${negate ? '^' : ''}${body}]`;
  }

  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const atom = escape(false);
      if (atom.kind === 'char') out += literal(atom.cp);
      else if (atom.kind === 'raw') out += atom.text;
      else out += `[${atom.negate ? '^' : ''}${rangeText(atom.ranges)}]`;
    } else if (c === '[') out += characterClass();
    else if (c === '(') {
      if (p.startsWith('(?:', i)) {
        out += '(?:';
        i += 3;
      } else if (/^\(\?(=|!|<=|<!)/.test(p.slice(i, i + 4))) throw new Refused({ reason: 'lookaround' });
      else if (p.startsWith('(?<', i)) {
        // A named group: its name matters only to captures, which `test` does not report.
        out += '(';
        i = p.indexOf('>', i) + 1;
      } else {
        out += '(';
        i += 1;
      }
    } else if (c === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(p.slice(i))![0];
      out += quantifier;
      i += quantifier.length;
    } else if ('|)*+?^$'.includes(c)) {
      out += c;
      i += 1;
    } else if (c === '.') {
      out += `[^${rangeText(LINE_TERMINATORS)}]`;
      i += 1;
    } else {
      const cp = codePointAt(i);
      out += literal(cp);
      i += width(cp);
    }
  }
  return out;
}

/**
 * The RE2 source of an ECMAScript pattern (`u` flag), or why it is refused. Creating the native
 * RegExp only parses it (nothing is matched), to hold patterns to the syntax ajv's meta-schema and
 * browsers agree on.
 */
export function translatePattern(pattern: string): TranslatedPattern {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'tooLong', limit: MAX_PATTERN_LENGTH };
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { ok: false, reason: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    return { ok: true, source: translateValid(pattern) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...error.refusal };
    throw error;
  }
}
