import { pickText, type FormDefinition, type RecordSchema } from '@aftersales/engine';
import type { ErrorDetail } from '../../errors/AppError.js';
import { DomainError } from '../../errors/DomainError.js';
import { domainDetail } from '../../errors/domainDetail.js';
import type { User } from '../../store/types.js';
import type { RecordScope } from '../Principal.js';
import type { UsersRepository } from '../../store/ports/UsersRepository.js';
import type { StoreName, StoreNamesRepository } from '../../store/ports/StoreNamesRepository.js';

/** The repositories this service uses (services take only the ports they use; see store/ports/). */
type StorePorts = UsersRepository;

/** A user as a person field shows them: the reference stored in records (user name) and the name people read. */
export interface Person {
  username: string;
  displayName: string;
  policyRoles: string[];
  stores: string[];
}

/** At most this many people answer one directory look-up (a store has tens of people). */
export const PEOPLE_LIMIT = 1000;

/**
 * The people and stores a record may name. A person field (`x-kind: person`) holds the user name
 * of an active user of the record's store (a user without stores belongs to every store) who holds
 * one of the field's `x-roles`; the web app picks them by display name. While a store has no
 * account for those roles, a typed name is kept as text (stores that have not given accounts to
 * their technicians yet); once one exists, only a pick is accepted.
 */
export class PeopleDirectory {
  /** `names`: the store names (without them, a store reads as its id). */
  constructor(
    private readonly store: StorePorts,
    private readonly names?: StoreNamesRepository,
  ) {}

  /** The names people read for stores, by store id (only the given ids when given; unnamed stores are left out). */
  async storeNames(ids?: readonly string[]): Promise<Record<string, string>> {
    const rows = this.names ? await this.names.storeNames() : [];
    return Object.fromEntries(rows.filter((r) => !ids || ids.includes(r.id)).map((r) => [r.id, r.name]));
  }

  /** The name of one store, null when it has none (or there is no store). */
  async storeName(id: string | null): Promise<string | null> {
    if (id === null || !this.names) return null;
    return (await this.names.storeName(id))?.name ?? null;
  }

  /** Names (or renames) a store: what staff screens, prints and exports show for it. */
  async nameStore(id: string, name: string, at: string): Promise<StoreName> {
    if (!this.names) throw new Error('store names are not configured');
    return this.names.setStoreName(id, name.trim(), at);
  }

  /** Active users of a store (every store: null) holding one of `roles` (any: empty), by display name. */
  async people(filter: { store?: string | null; roles?: readonly string[]; visibleTo?: RecordScope } = {}): Promise<Person[]> {
    const users = await this.store.listUsers();
    return users
      .filter((u) => !u.deactivatedAt)
      .filter((u) => inStore(u, filter.store ?? null))
      .filter((u) => !filter.roles?.length || u.policyRoles.some((r) => filter.roles!.includes(r)))
      .filter((u) => !filter.visibleTo || sharesStore(u, filter.visibleTo))
      .map(toPerson)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.username.localeCompare(b.username))
      .slice(0, PEOPLE_LIMIT);
  }

  /** The stores people belong to (those of the scope when given), sorted. */
  async stores(scope: RecordScope = null): Promise<string[]> {
    if (scope) return [...scope.stores].sort();
    const users = await this.store.listUsers();
    return [...new Set(users.flatMap((u) => u.stores))].sort();
  }

  /**
   * The user names a person filter means: a user name as typed, or every user whose display name is
   * the text (filters work on the names people read). Unknown text is kept as it is.
   */
  async usernamesFor(text: string): Promise<string[]> {
    const wanted = text.trim();
    const users = await this.store.listUsers();
    const byName = users.filter((u) => u.username === wanted || u.displayName.trim() === wanted).map((u) => u.username);
    return byName.length > 0 ? [...new Set(byName)] : [wanted];
  }

  /** Display names by user name, for answers that show people (fines, dashboards). */
  async displayNames(): Promise<Map<string, string>> {
    return new Map((await this.store.listUsers()).map((u) => [u.username, u.displayName]));
  }

  /**
   * Refuses person fields that name nobody of the record's store with the field's roles (400, one
   * detail per field). On an update only changed values are checked (an old record's typed name stays).
   */
  async refuseUnknownPeople(form: FormDefinition, data: unknown, recordStore: string | null, before?: unknown): Promise<void> {
    const fields = personFields(form);
    if (fields.length === 0 || !isObject(data)) return;
    const previous = isObject(before) ? before : {};
    const details: ErrorDetail[] = [];
    const labels = { zh: [] as string[], en: [] as string[] };
    let users: User[] | undefined;
    for (const [name, schema] of fields) {
      const value = data[name];
      if (typeof value !== 'string' || value === '' || value === previous[name]) continue;
      const roles = schema['x-roles'] ?? [];
      // The usual case by the user name index; the store's people are read only for a name that is not one of them.
      if (qualifies(await this.store.userByUsername(value), recordStore, roles)) continue;
      // A typed name stays text while nobody of the store could be picked (the users read once, none sorted).
      users ??= await this.store.listUsers();
      if (!users.some((u) => qualifies(u, recordStore, roles))) continue;
      const label = schema['x-title'];
      const zh = label ? pickText(label, 'zh-CN') : name;
      const en = label ? pickText(label, 'en') : name;
      details.push(domainDetail(`/data/${name}`, 'person.unknown', { labelZh: zh, labelEn: en, value }));
      labels.zh.push(`“${zh}”`);
      labels.en.push(en);
    }
    if (details.length > 0)
      throw new DomainError('people.unknown', { fieldsZh: labels.zh.join('、'), fieldsEn: labels.en.join(', ') }, { details });
  }
}

/** The form's top-level person fields with their schemas. */
export function personFields(form: FormDefinition): [string, RecordSchema][] {
  return Object.entries(form.schema.properties ?? {}).filter(([, s]) => isObject(s) && s['x-kind'] === 'person');
}

/** An active user of the store holding one of the roles (any user: no roles). */
function qualifies(user: User | null, store: string | null, roles: readonly string[]): boolean {
  return !!user && !user.deactivatedAt && inStore(user, store) && (roles.length === 0 || user.policyRoles.some((r) => roles.includes(r)));
}

function inStore(user: User, store: string | null): boolean {
  return store === null || user.stores.length === 0 || user.stores.includes(store);
}

function sharesStore(user: User, scope: NonNullable<RecordScope>): boolean {
  return user.username === scope.username || user.stores.length === 0 || user.stores.some((s) => scope.stores.includes(s));
}

function toPerson(user: User): Person {
  return { username: user.username, displayName: user.displayName, policyRoles: user.policyRoles, stores: user.stores };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of the form's first top-level store field, when it is a store people belong to (the record's store then). */
export async function storeNamedIn(directory: PeopleDirectory, form: FormDefinition, data: unknown): Promise<string | undefined> {
  const field = Object.entries(form.schema.properties ?? {}).find(([, s]) => isObject(s) && s['x-kind'] === 'store')?.[0];
  const value = field && isObject(data) ? data[field] : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  return (await directory.stores()).includes(value) ? value : undefined;
}
