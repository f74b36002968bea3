import type { ApiClient } from './ApiClient';
import { listOf } from './documentsApi';
import type { Role } from './types';

/** A user as the admin sees it (GET /users): never the password. */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  policyRoles: string[];
  stores: string[];
  /** Set while deactivated (cannot sign in); null when active. */
  deactivatedAt: string | null;
}

export interface UserCreate {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  policyRoles: string[];
  stores: string[];
}

/** Any of these; a new password ends that user's sessions. */
export type UserUpdate = Partial<Omit<UserCreate, 'username'>>;

export const API_KEY_SCOPES = ['definitions:read', 'definitions:write', 'records:read', 'records:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** An integrator's API key as listed (GET /api-keys): never its secret. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: string;
  revoked: boolean;
  /** When the server records it. */
  lastUsedAt?: string | null;
}

/**
 * Users and integrator API keys (admins only).
 * GET    /users           { items: UserAccount[] }
 * POST   /users           UserCreate -> UserAccount
 * PUT    /users/:id       UserUpdate -> UserAccount
 * POST   /users/:id/deactivate | reactivate -> UserAccount (deactivating ends their sessions and revokes their API keys)
 * GET    /api-keys        { items: ApiKeyInfo[] }
 * POST   /api-keys        { name, scopes } -> { key: ApiKeyInfo, secret } (the secret only this once)
 * DELETE /api-keys/:id    revoke
 */
export function usersApi(client: ApiClient) {
  return {
    async list(): Promise<UserAccount[]> {
      return listOf<UserAccount>(await client.get<unknown>('/users')).map((u) => ({
        ...u,
        displayName: u.displayName ?? u.username,
        roles: u.roles ?? [],
        policyRoles: u.policyRoles ?? [],
        stores: u.stores ?? [],
        deactivatedAt: u.deactivatedAt ?? null,
      }));
    },
    create: (user: UserCreate) => client.post<UserAccount>('/users', user),
    update: (id: string, change: UserUpdate) => client.put<UserAccount>(`/users/${encodeURIComponent(id)}`, change),
    setActive: (id: string, active: boolean) =>
      client.post<UserAccount>(`/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, {}),
    async apiKeys(): Promise<ApiKeyInfo[]> {
      return listOf<ApiKeyInfo>(await client.get<unknown>('/api-keys'));
    },
    createApiKey: (name: string, scopes: ApiKeyScope[]) => client.post<{ key: ApiKeyInfo; secret: string }>('/api-keys', { name, scopes }),
    async revokeApiKey(id: string): Promise<void> {
      await client.delete(`/api-keys/${encodeURIComponent(id)}`);
    },
  };
}
