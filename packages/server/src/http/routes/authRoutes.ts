import type { Response } from 'express';
import { AppError } from '../../errors/AppError.js';
import { actorOf } from '../../services/Principal.js';
import type { User } from '../../store/types.js';
import type { Route } from '../Route.js';
import { SESSION_COOKIE } from '../authenticate.js';
import type { Services } from './Services.js';

export const publicUser = (user: User) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  policyRoles: user.policyRoles,
  stores: user.stores,
  /** When the user was deactivated (they cannot sign in); null while active. */
  deactivatedAt: user.deactivatedAt ?? null,
});

function setSessionCookie(res: Response, token: string, secure: boolean, maxHours: number): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxHours * 3_600_000 });
}

/** Sign in and out (browser sessions in an httpOnly, SameSite=Strict cookie), users and API keys. */
export function authRoutes(services: Services): Route[] {
  return [
    {
      method: 'post',
      path: '/auth/login',
      access: { public: true },
      summary: 'Sign in; sets the session cookie (429 with Retry-After after repeated failures)',
      body: 'Login',
      handler: () => Promise.reject(new AppError('internal', 'public route')),
      publicHandler: async ({ req, res }) => {
        const { username, password } = req.body as { username: string; password: string };
        // The client address: the socket's, or X-Forwarded-For's only through the proxies TRUST_PROXY names.
        const { token, user } = await services.auth.login(username, password, req.ip ?? 'unknown');
        // Secure when configured, or when this request came over HTTPS (a trusted proxy's X-Forwarded-Proto too).
        setSessionCookie(res, token, services.secureCookies || req.secure, services.auth.sessions.maxHours);
        return { user: publicUser(user) };
      },
    },
    {
      method: 'post',
      path: '/auth/logout',
      access: { roles: ['admin', 'manager', 'staff'] },
      summary: 'Sign out',
      status: 204,
      handler: async ({ principal, res }) => {
        await services.auth.logout(principal);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    },
    {
      method: 'get',
      path: '/auth/me',
      access: { roles: ['admin', 'manager', 'staff'] },
      summary: 'The signed-in user',
      handler: async ({ principal }) => ({ user: principal.kind === 'user' ? publicUser(principal.user) : null }),
    },
    {
      method: 'get',
      path: '/users',
      access: { roles: ['admin'] },
      summary: 'Users',
      handler: async () => ({ items: (await services.store.listUsers()).map(publicUser) }),
    },
    {
      method: 'post',
      path: '/users',
      access: { roles: ['admin'] },
      summary: 'Create a user',
      body: 'UserCreate',
      status: 201,
      handler: async ({ req, principal }) => {
        const body = req.body as {
          username: string;
          displayName: string;
          password: string;
          roles: User['roles'];
          policyRoles?: string[];
          stores?: string[];
        };
        const user = await services.auth.createUser({ ...body, policyRoles: body.policyRoles ?? [], stores: body.stores ?? [] });
        await services.store.appendAudit({
          at: services.clock().toISOString(),
          actor: actorOf(principal),
          entity: 'user',
          entityId: user.id,
          action: 'create',
          before: null,
          after: publicUser(user),
        });
        return publicUser(user);
      },
    },
    {
      method: 'put',
      path: '/users/:id',
      access: { roles: ['admin'] },
      summary: 'Change a user: name, roles, policy roles, stores, or a new password (which ends their sessions)',
      body: 'UserUpdate',
      handler: async ({ req, principal }) => {
        const before = await services.store.userById(String(req.params.id));
        if (!before) throw new AppError('not_found', `user "${String(req.params.id)}" does not exist`);
        const body = req.body as Partial<Pick<User, 'displayName' | 'roles' | 'policyRoles' | 'stores'>> & { password?: string };
        if (principal.kind === 'user' && principal.user.id === before.id && body.roles && !body.roles.includes('admin'))
          throw new AppError('unprocessable', 'you cannot take the admin role from yourself', {
            messageZh: '不能取消自己的管理员角色',
            details: [{ pointer: '/roles', message: 'keep admin' }],
          });
        const user = await services.auth.updateUser(before, body);
        await services.store.appendAudit({
          at: services.clock().toISOString(),
          actor: actorOf(principal),
          entity: 'user',
          entityId: user.id,
          action: body.password ? 'update (password reset)' : 'update',
          before: publicUser(before),
          after: publicUser(user),
        });
        return publicUser(user);
      },
    },
    ...(['deactivate', 'reactivate'] as const).map((action): Route => ({
      method: 'post',
      path: `/users/:id/${action}`,
      access: { roles: ['admin'] },
      summary:
        action === 'deactivate'
          ? 'Deactivate a user: they cannot sign in; their sessions end and the API keys they created are revoked (audited)'
          : 'Reactivate a deactivated user (revoked API keys stay revoked)',
      handler: async ({ req, principal }) => {
        const user = await services.store.userById(String(req.params.id));
        if (!user) throw new AppError('not_found', `user "${String(req.params.id)}" does not exist`, { messageZh: '用户不存在' });
        return publicUser(await services.auth.setDeactivated(user, action === 'deactivate', principal));
      },
    })),
    {
      method: 'get',
      path: '/api-keys',
      access: { roles: ['admin'] },
      summary: 'Integrator API keys (never their secrets)',
      handler: async () => ({ items: (await services.store.listApiKeys()).map(({ keyHash: _hash, ...key }) => key) }),
    },
    {
      method: 'post',
      path: '/api-keys',
      access: { roles: ['admin'] },
      summary: 'Create an API key; the secret is shown once',
      body: 'ApiKeyCreate',
      status: 201,
      handler: async ({ req, principal }) => {
        const body = req.body as { name: string; scopes: ('definitions:read' | 'definitions:write' | 'records:read' | 'records:write')[] };
        const created = await services.auth.createApiKey(body.name, body.scopes, actorOf(principal));
        await services.store.appendAudit({
          at: services.clock().toISOString(),
          actor: actorOf(principal),
          entity: 'apiKey',
          entityId: created.key.id,
          action: 'create',
          before: null,
          after: created.key,
        });
        return created;
      },
    },
    {
      method: 'delete',
      path: '/api-keys/:id',
      access: { roles: ['admin'] },
      summary: 'Revoke an API key',
      status: 204,
      handler: async ({ req, principal }) => {
        if (!(await services.store.revokeApiKey(String(req.params.id)))) throw new AppError('not_found', 'no such API key');
        await services.store.appendAudit({
          at: services.clock().toISOString(),
          actor: actorOf(principal),
          entity: 'apiKey',
          entityId: String(req.params.id),
          action: 'revoke',
          before: null,
          after: { revoked: true },
        });
      },
    },
  ];
}
