import type { ApiClient } from './ApiClient';
import type { User } from './types';

/** POST /auth/login -> { token?, user }; GET /auth/me -> { user } (or the user itself); POST /auth/logout. */
export function authApi(client: ApiClient) {
  return {
    async login(username: string, password: string): Promise<{ token: string | null; user: User }> {
      const body = await client.post<{ token?: string; accessToken?: string; user?: User } & Partial<User>>('/auth/login', {
        username,
        password,
      });
      return { token: body.token ?? body.accessToken ?? null, user: normalizeUser(body.user ?? body) };
    },
    async me(): Promise<User> {
      const body = await client.get<{ user?: User } & Partial<User>>('/auth/me');
      return normalizeUser(body.user ?? body);
    },
    async logout(): Promise<void> {
      await client.post('/auth/logout').catch(() => undefined);
    },
  };
}

function normalizeUser(raw: Partial<User> & { name?: string; role?: string }): User {
  const roles = Array.isArray(raw.roles) ? raw.roles : raw.role ? [raw.role] : [];
  return {
    ...(raw.id ? { id: raw.id } : {}),
    username: raw.username ?? raw.name ?? '',
    ...(raw.displayName || raw.name ? { displayName: raw.displayName ?? raw.name } : {}),
    roles: roles as User['roles'],
    ...(Array.isArray(raw.policyRoles) ? { policyRoles: raw.policyRoles } : {}),
    ...(Array.isArray(raw.stores) ? { stores: raw.stores } : {}),
  };
}
