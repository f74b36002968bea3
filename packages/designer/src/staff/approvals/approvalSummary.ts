import type { FormDefinition } from '@aftersales/engine';

/**
 * The filled fields an approval card shows, at most `count`: amounts first (an approval is mostly
 * about one: a repair above 200 yuan, a requisition's total), then the others in the record's order.
 * Groups are left out (their lines are on the record); a list counts as one field.
 */
export function approvalSummary(form: FormDefinition | undefined, data: Record<string, unknown>, count: number): [string, unknown][] {
  const properties = (form?.schema.properties ?? {}) as Record<string, { 'x-kind'?: string }>;
  const filled = Object.entries(data).filter(([, v]) => v !== null && v !== '' && (typeof v !== 'object' || Array.isArray(v)));
  const money = ([name]: [string, unknown]) => (properties[name]?.['x-kind'] === 'money' ? 0 : 1);
  // A stable sort: amounts before the rest, each in the record's order.
  return filled.sort((a, b) => money(a) - money(b)).slice(0, count);
}
