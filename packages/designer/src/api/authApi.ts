import { api } from '@aftersales/contract';
import type { ApiClient } from './ApiClient';
import type { User } from './types';

/** Sign in (the server sets the session cookie), the signed-in user, sign out. */
export function authApi(client: ApiClient) {
  return {
    login: (username: string, password: string) => client.call(api.auth.login, { body: { username, password } }),
    /** The signed-in user, or null. */
    async me(): Promise<User | null> {
      return (await client.call(api.auth.me, {})).user;
    },
    async logout(): Promise<void> {
      await client.call(api.auth.logout, {}).catch(() => undefined);
    },
  };
}
