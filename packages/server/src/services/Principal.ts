import { apiKeyActor } from '@aftersales/contract';
import type { Role, Scope, StoredRecord, User } from '../store/types.js';
import type { RecordsRepository } from '../store/ports/RecordsRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = RecordsRepository;

/** Who is calling: a signed-in user, or an integrator's API key. */
export type Principal =
  { kind: 'user'; user: User; sessionHash: string | null } | { kind: 'apiKey'; id: string; name: string; scopes: Scope[] };

export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.user.username : apiKeyActor(principal.name);
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.kind === 'user' && principal.user.roles.some((r) => roles.includes(r));
}

/**
 * Which records a caller may see: admins, API keys and managers without a store see all (null);
 * everyone else sees the records of their stores and those they created or were assigned.
 */
export function recordScope(principal: Principal): RecordScope {
  if (principal.kind === 'apiKey') return null;
  const { user } = principal;
  if (user.roles.includes('admin')) return null;
  if (user.roles.includes('manager') && user.stores.length === 0) return null;
  return { username: user.username, stores: user.stores };
}

export type RecordScope = { username: string; stores: string[] } | null;

/** Whether a record is within a scope (null: everything). */
export function inScope(scope: RecordScope, record: { store: string | null; createdBy: string; assignee: string | null }): boolean {
  return (
    scope === null ||
    record.createdBy === scope.username ||
    record.assignee === scope.username ||
    (record.store !== null && scope.stores.includes(record.store))
  );
}

export function maySee(principal: Principal, record: { store: string | null; createdBy: string; assignee: string | null }): boolean {
  return inScope(recordScope(principal), record);
}

/** The records behind a list of rows, by id, that a scope may see (null: all). */
export async function recordsInScope(store: StorePorts, ids: Iterable<string>, scope: RecordScope): Promise<Map<string, StoredRecord>> {
  const map = new Map<string, StoredRecord>();
  for (const id of new Set(ids)) {
    const record = await store.getRecord(id);
    if (record && inScope(scope, record)) map.set(id, record);
  }
  return map;
}
