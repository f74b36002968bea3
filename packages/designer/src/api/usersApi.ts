import {
  api,
  SCOPES,
  type ApiKeyCreate,
  type ApiKeyInfo as ApiKeyInfoSchema,
  type PublicUser,
  type Scope,
  type Static,
  type UserCreate as UserCreateSchema,
  type UserUpdate as UserUpdateSchema,
} from '@aftersales/contract';
import type { ApiClient } from './ApiClient';

/** A user as the admin sees it (GET /users): never the password. */
export type UserAccount = Static<typeof PublicUser>;
export type UserCreate = Static<typeof UserCreateSchema>;
/** Any of these; a new password ends that user's sessions. */
export type UserUpdate = Static<typeof UserUpdateSchema>;
export const API_KEY_SCOPES = SCOPES;
export type ApiKeyScope = Static<typeof Scope>;
/** An integrator's API key as listed (GET /api-keys): never its secret. */
export type ApiKeyInfo = Static<typeof ApiKeyInfoSchema>;
type NewApiKey = Static<typeof ApiKeyCreate>;

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
      return (await client.call(api.auth.listUsers, {})).items;
    },
    create: (user: UserCreate) => client.call(api.auth.createUser, { body: user }),
    update: (id: string, change: UserUpdate) => client.call(api.auth.updateUser, { params: { id }, body: change }),
    setActive: (id: string, active: boolean) => client.call(active ? api.auth.reactivateUser : api.auth.deactivateUser, { params: { id } }),
    async apiKeys(): Promise<ApiKeyInfo[]> {
      return (await client.call(api.auth.listApiKeys, {})).items;
    },
    createApiKey: (name: string, scopes: NewApiKey['scopes']) => client.call(api.auth.createApiKey, { body: { name, scopes } }),
    async revokeApiKey(id: string): Promise<void> {
      await client.call(api.auth.revokeApiKey, { params: { id } });
    },
  };
}
