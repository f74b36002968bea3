import type { FormDefinition } from '@aftersales/engine';

/**
 * The filled fields an approval card shows, at most `count`: amounts first (an approval is mostly
 * about one: a repair above 200 yuan, a requisition's total), then the others in the record's order.
 * Groups are left out (their lines are on the record); a list counts as one field. The fields the
 * record's title shows (its number, the requester) are left out too: the card's title reads them.
 */
export function approvalSummary(form: FormDefinition | undefined, data: Record<string, unknown>, count: number): [string, unknown][] {
  const properties = (form?.schema.properties ?? {}) as Record<string, { 'x-kind'?: string }>;
  const inTitle = new Set(form?.recordTitle ?? []);
  const filled = Object.entries(data).filter(
    ([name, v]) => !inTitle.has(name) && v !== null && v !== '' && (typeof v !== 'object' || Array.isArray(v)),
  );
  const money = ([name]: [string, unknown]) => (properties[name]?.['x-kind'] === 'money' ? 0 : 1);
  // A stable sort: amounts before the rest, each in the record's order.
  return filled.sort((a, b) => money(a) - money(b)).slice(0, count);
}

/** Text kinds that hold a code or a file, not words. */
const CODED = new Set<unknown>(['person', 'store', 'link', 'photo', 'signature']);

/** At most this many lines of a list are named on an approval card. */
const NAMED_LINES = 3;

/**
 * What an approval card says of a list's lines (parts, items): each line by its first filled plain
 * text (a part's name), the first three of them; empty when no line has a text to show (the card then
 * gives the count alone).
 */
export function lineNames(
  item: { properties?: Record<string, { type?: unknown; enum?: unknown; format?: unknown; 'x-kind'?: unknown }> } | undefined,
  rows: unknown[],
): string[] {
  const texts = Object.entries(item?.properties ?? {})
    // Plain texts: no choice (a code), date, person (a user name), link, photo or signature.
    .filter(([, field]) => field.type === 'string' && field.enum === undefined && field.format === undefined && !CODED.has(field['x-kind']))
    .map(([name]) => name);
  const names: string[] = [];
  for (const row of rows) {
    if (names.length === NAMED_LINES) break;
    if (!row || typeof row !== 'object') continue;
    const name = texts.map((field) => (row as Record<string, unknown>)[field]).find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof name === 'string') names.push(name.trim());
  }
  return names;
}
