import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role, User } from '../../api/types';
import { SESSION_EXPIRED_EVENT, useApi } from '../ApiContext';

export interface Auth {
  /** undefined while the session is being checked. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.auth
      .me()
      .then((me) => live && setUser(me))
      .catch(() => live && setUser(null));
    const expired = () => setUser(null);
    window.addEventListener(SESSION_EXPIRED_EVENT, expired);
    return () => {
      live = false;
      window.removeEventListener(SESSION_EXPIRED_EVENT, expired);
    };
  }, [api]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { user: me } = await api.auth.login(username, password);
      setUser(me);
      return me;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    await api.auth.logout();
    setUser(null);
  }, [api]);

  const value = useMemo<Auth>(
    () => ({ user, signIn, signOut, hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)) }),
    [user, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
