import type { Request } from 'express';
import type { AuthService } from '../services/AuthService.js';
import type { Principal } from '../services/Principal.js';

export const SESSION_COOKIE = 'aftersales_session';

/** The caller: a session cookie (browsers) or `Authorization: Bearer <session token | API key>`. */
export async function authenticate(req: Request, auth: AuthService): Promise<{ principal: Principal | null; viaCookie: boolean }> {
  const header = req.get('authorization');
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (bearer) return { principal: await auth.principal(bearer), viaCookie: false };
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  if (typeof cookie === 'string' && cookie !== '') return { principal: await auth.principal(cookie), viaCookie: true };
  return { principal: null, viaCookie: false };
}
