import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from './limits.js';
import { findUnsafeJson } from './findUnsafeJson.js';
import { fromPointer, toPointer } from './jsonPointer.js';
import { problemMessages, type ProblemCode } from '../problems/problemMessages.js';
import type { Problem } from '../problems/Problem.js';

/** A parsed JSON file that can tell where each JSON pointer sits in its text. */
export interface JsonDocument {
  file: string;
  value: unknown;
  /** 1-based line and column of the value at a pointer (or of its nearest existing parent). */
  locate(pointer: string): { line: number; column: number };
}

export type ParseJsonResult = { ok: true; document: JsonDocument } | { ok: false; problems: Problem[] };

/**
 * Parses strict JSON (no comments, no trailing commas) with size, depth and key limits.
 * Never throws on bad input: every failure is a Problem with line and column.
 */
export function parseJsonText(file: string, text: string, limits: Partial<JsonLimits> = {}): ParseJsonResult {
  const { maxBytes, ...rest } = { ...DEFAULT_JSON_LIMITS, ...limits };
  const lineStarts = computeLineStarts(text);
  const at = (offset: number) => offsetToLineColumn(lineStarts, offset);
  const problem = (code: ProblemCode, pointer: string, offset: number, params: Record<string, string | number> = {}): Problem => ({
    file,
    pointer,
    ...at(offset),
    code,
    message: problemMessages[code](params),
  });

  const size = new TextEncoder().encode(text).length;
  if (size > maxBytes) return { ok: false, problems: [problem('json.tooLarge', '', 0, { size, limit: maxBytes })] };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const list: ParseError[] = errors.length > 0 ? errors : [{ error: 4 /* ValueExpected */, offset: 0, length: 0 }];
    return {
      ok: false,
      problems: list.slice(0, 20).map((e) => problem('json.syntax', '', e.offset, { detail: printParseErrorCode(e.error) })),
    };
  }

  const locate = (pointer: string) => at(nodeAt(root, pointer).offset);
  // JSON.parse after the tree parse: the text is known to be valid JSON, and JSON.parse
  // creates `__proto__` as an own property (no pollution); findUnsafeJson then refuses it.
  const value: unknown = JSON.parse(text);
  const unsafe = findUnsafeJson(value, rest);
  if (unsafe) {
    const pointer = toPointer(unsafe.path);
    const params = { key: unsafe.key ?? '', limit: unsafe.limit ?? 0 };
    return {
      ok: false,
      problems: [{ file, pointer, ...locate(pointer), code: unsafe.code, message: problemMessages[unsafe.code](params) }],
    };
  }
  return { ok: true, document: { file, value, locate } };
}

function nodeAt(root: Node, pointer: string): Node {
  // Walk down as far as the pointer exists, so a missing property points at its parent.
  let node = root;
  for (const segment of fromPointer(pointer)) {
    const next = childOf(node, segment);
    if (!next) break;
    node = next;
  }
  return node.parent?.type === 'property' ? node.parent : node;
}

function childOf(node: Node, segment: string): Node | undefined {
  if (node.type === 'object') return node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
  if (node.type === 'array' && /^\d+$/.test(segment)) return node.children?.[Number(segment)];
  return undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetToLineColumn(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}
