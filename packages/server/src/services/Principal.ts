import type { Role, Scope, User } from '../store/types.js';

/** Who is calling: a signed-in user, or an integrator's API key. */
export type Principal =
  { kind: 'user'; user: User; sessionHash: string | null } | { kind: 'apiKey'; id: string; name: string; scopes: Scope[] };

export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.user.username : `api-key:${principal.name}`;
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.kind === 'user' && principal.user.roles.some((r) => roles.includes(r));
}
