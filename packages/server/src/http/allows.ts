import { hasRole, type Principal } from '../services/Principal.js';
import type { Access } from './Route.js';

/**
 * Whether a route's access lets a caller in: a user by one of its roles, an API key by its scope
 * (a public route lets anyone in). The router checks every route by it; a route that shows part of
 * another route's answer (a record's history, its fines' entries) asks it of that route's access.
 */
export function allows(principal: Principal, access: Access): boolean {
  if (access.public) return true;
  return principal.kind === 'user'
    ? hasRole(principal, access.roles ?? [])
    : access.scope !== undefined && principal.scopes.includes(access.scope);
}
