import { compareOutcomes, compilePolicy, type Pack, type Policy } from '@aftersales/engine';
import type { StoredRecord } from '../store/types.js';
import { historyFacts } from './historyFacts.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository;

/** The policy of one form in a pack: its form, all its (not archived) rule sets, every calendar. */
function policyOf(pack: Pack, formId: string): Policy | null {
  const form = pack.forms.get(formId);
  if (!form) return null;
  return compilePolicy({
    form: form.definition,
    formVersion: 0,
    ruleSets: [...pack.ruleSets.values()]
      .filter((r) => r.definition.form === formId)
      .map((r) => ({ definition: r.definition, version: 0 })),
    calendars: [...pack.calendars.values()].map((c) => c.definition),
  });
}

/**
 * What a push itself would change, record by record: each record is evaluated twice at the same
 * moment (`now`) with the same history, under the published policy and under the pushed one, and
 * the two outcomes are compared. The stored outcome is not used: it was computed at the record's
 * last write and may be stale (a calendar published since, time passed), which is not the push's
 * doing, so a push of an unrelated file reports no change.
 */
export async function pushImpact(store: StorePorts, records: StoredRecord[], published: Pack, pushed: Pack, now: Date) {
  const policies = new Map<string, { before: Policy | null; after: Policy | null }>();
  const results = [];
  for (const record of records) {
    let pair = policies.get(record.formId);
    if (!pair) {
      pair = { before: policyOf(published, record.formId), after: policyOf(pushed, record.formId) };
      policies.set(record.formId, pair);
    }
    const { before, after } = pair;
    if (!after) continue;
    const evaluate = async (policy: Policy) =>
      (
        await policy.evaluate(record.data, {
          now,
          ...(record.status ? { status: record.status } : {}),
          history: await historyFacts(policy, store, record, now),
        })
      ).outcome;
    const change = compareOutcomes(before ? await evaluate(before) : emptyOutcome(), await evaluate(after));
    if (change.changed) results.push({ recordId: record.id, formId: record.formId, change });
  }
  return results;
}

function emptyOutcome() {
  return { deadlines: [], fines: [], approvals: [], amounts: [], blocks: [], notices: [] };
}
