import type { OutcomeEvent } from '../outcome/OutcomeEvent.js';
import type { TableOutput } from './DecisionTable.js';

type Path = (string | number)[];

export const DEADLINE_UNITS = ['workingHours', 'workingDays', 'hours', 'days', 'months', 'endOfWorkingDay', 'dayOfNextMonth'];

const isText = (v: unknown): v is { 'zh-CN': string; en: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).sort().join() === 'en,zh-CN';

/** Every leaf of the params with its path; a localized text counts as one leaf, and so does a value at a `whole` path (a formula cell). */
export function paramLeaves(value: unknown, path: Path = [], whole: ReadonlySet<string> = new Set()): { path: Path; value: unknown }[] {
  if (isText(value) || whole.has(pathKey(path))) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => paramLeaves(v, [...path, i], whole));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => paramLeaves(v, [...path, k], whole));
  return [{ path, value }];
}

export const pathKey = (path: Path) => path.join('/');

export function getAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `value` with `path` set (the path's containers exist in the template). */
export function setAt<T>(value: T, path: Path, leaf: unknown): T {
  if (path.length === 0) return leaf as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, leaf);
  return copy as T;
}

/** `{round: {mul: [{fact}, k]}}` or `{mul: [{fact}, k]}`: the path of k and the fact, when the expression is a percent of a fact. */
function percentShape(expr: unknown, base: Path): { path: Path; fact: string } | undefined {
  const inner = getAt(expr, ['round']) ?? expr;
  const innerBase = getAt(expr, ['round']) !== undefined ? [...base, 'round'] : base;
  const mul = getAt(inner, ['mul']);
  if (!Array.isArray(mul) || mul.length !== 2) return undefined;
  const fact = getAt(mul[0], ['fact']);
  if (typeof fact !== 'string' || typeof mul[1] !== 'number') return undefined;
  return { path: [...innerBase, 'mul', 1], fact };
}

/** The outputs a person edits for each outcome type, where the outcome has them. */
function mainOutputs(event: OutcomeEvent): TableOutput[] {
  const params = event.params as unknown as Record<string, unknown>;
  // A number column's cell may also hold a formula (an expression), shown in words.
  const money = (key: string): TableOutput[] => {
    const value = params[key];
    const percent = percentShape(value, [key]);
    return percent ? [{ path: percent.path, kind: 'percent', percentOf: percent.fact }] : [{ path: [key], kind: 'number' }];
  };
  switch (event.type) {
    case 'fine':
      return [...money('amount'), { path: ['payer', 'role'], kind: 'role' }, { path: ['reason'], kind: 'text' }];
    case 'deadline':
      return [
        { path: ['limit', 'amount'], kind: 'number' },
        { path: ['limit', 'unit'], kind: 'choice', choices: DEADLINE_UNITS },
      ];
    case 'approval':
      return [
        { path: ['approver'], kind: 'role' },
        { path: ['reason'], kind: 'text' },
      ];
    case 'amount':
      return money('value');
    case 'notify':
      return [
        { path: ['to', 'role'], kind: 'role' },
        { path: ['message'], kind: 'text' },
      ];
    case 'block':
      return [{ path: ['message'], kind: 'text' }];
  }
}

/**
 * The output columns of a family of outcomes of one type and one shape: the main parameters of the
 * type, plus every other value that differs between rows. Undefined when the outcomes differ in
 * type or shape (they are not one table).
 */
export function discoverOutputs(events: OutcomeEvent[]): TableOutput[] | undefined {
  const [first] = events;
  if (!first) return undefined;
  if (events.some((e) => e.type !== first.type)) return undefined;
  const outputs = mainOutputs(first).filter((o) => getAt(first.params, o.path) !== undefined);
  const formulas = new Set(outputs.filter((o) => o.kind === 'number').map((o) => pathKey(o.path)));
  const kindOf = (value: unknown, path: Path) => (formulas.has(pathKey(path)) ? 'formula' : isText(value) ? 'text' : typeof value);
  const shape = (e: OutcomeEvent) =>
    paramLeaves(e.params, [], formulas)
      .map((l) => `${pathKey(l.path)}:${kindOf(l.value, l.path)}`)
      .join('|');
  const firstShape = shape(first);
  if (events.some((e) => shape(e) !== firstShape)) return undefined;
  const known = new Set(outputs.map((o) => pathKey(o.path)));
  for (const leaf of paramLeaves(first.params, [], formulas)) {
    const key = pathKey(leaf.path);
    if (known.has(key)) continue;
    const differs = events.some((e) => JSON.stringify(getAt(e.params, leaf.path)) !== JSON.stringify(leaf.value));
    if (!differs) continue;
    known.add(key);
    const kind = isText(leaf.value) ? 'text' : typeof leaf.value === 'number' ? 'number' : 'choice';
    outputs.push({ path: leaf.path, kind });
  }
  return outputs;
}

/** A row's value for an output column, as the table shows it (a percent as 5 for 0.05). */
export function readOutput(event: OutcomeEvent, output: TableOutput): unknown {
  const value = getAt(event.params, output.path);
  return output.kind === 'percent' && typeof value === 'number' ? Number((value * 100).toPrecision(12)) : value;
}

/** Writes a row's output value into a copy of the event. */
export function writeOutput(event: OutcomeEvent, output: TableOutput, value: unknown): OutcomeEvent {
  const stored = output.kind === 'percent' && typeof value === 'number' ? Number((value / 100).toPrecision(12)) : value;
  return { ...event, params: setAt(event.params, output.path, stored) } as OutcomeEvent;
}
