import { resolveFieldPath, type Policy } from '@aftersales/engine';
import type { RecordsRepository } from '../../store/ports/RecordsRepository.js';
import type { StoredRecord } from '../../store/types.js';

/**
 * The values of the linked facts a policy declares (e.g. the return visit's ticket's status), by rule
 * set then fact name, read by id through the store; null while the link is empty or names no record.
 */
export async function linkedFactValues(
  policy: Pick<Policy, 'linkedFacts'>,
  store: Pick<RecordsRepository, 'getRecord'>,
  data: unknown,
): Promise<Record<string, Record<string, unknown>>> {
  const result: Record<string, Record<string, unknown>> = {};
  const read = new Map<string, Promise<StoredRecord | null>>();
  for (const { ruleSet, name, fact } of policy.linkedFacts) {
    const id = resolveFieldPath(data, fact.field);
    let value: unknown = null;
    if (typeof id === 'string' && id !== '') {
      if (!read.has(id)) read.set(id, store.getRecord(id));
      const linked = await read.get(id)!;
      if (linked) value = fact.path === '$status' ? linked.status : (resolveFieldPath(linked.data, fact.path) ?? null);
    }
    (result[ruleSet] ??= {})[name] = value;
  }
  return result;
}
