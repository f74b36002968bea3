import type { StoredRecord } from '../store/types.js';
import { maySee, type Principal } from './Principal.js';

interface RecordImpact {
  recordId: string;
  formId: string;
  change: { fineTotalDelta: number };
}

/** Whether a caller may read records at all: signed-in users (within their scope) and keys with records:read. */
export function readsRecords(principal: Principal): boolean {
  return principal.kind === 'user' || principal.scopes.includes('records:read');
}

/**
 * Who sees what of a dry run's impact. The per-record changes (fines with the payer's name,
 * notices, amounts taken from the record) go only to callers who may read those records, within
 * their store scope; everyone gets the counts, which carry no personal data: how many recent
 * records would change, per form, and the change in fines.
 */
export function impactFor(
  principal: Principal,
  impact: RecordImpact[],
  records: readonly StoredRecord[],
): { impact: RecordImpact[]; impactCounts: { records: number; hidden: number; byForm: Record<string, number>; fineTotalDelta: number } } {
  const byId = new Map(records.map((r) => [r.id, r]));
  const visible = readsRecords(principal)
    ? impact.filter((i) => {
        const record = byId.get(i.recordId);
        return record !== undefined && maySee(principal, record);
      })
    : [];
  const byForm: Record<string, number> = {};
  for (const i of impact) byForm[i.formId] = (byForm[i.formId] ?? 0) + 1;
  const fineTotalDelta = Math.round(impact.reduce((sum, i) => sum + i.change.fineTotalDelta, 0) * 100) / 100;
  return { impact: visible, impactCounts: { records: impact.length, hidden: impact.length - visible.length, byForm, fineTotalDelta } };
}
