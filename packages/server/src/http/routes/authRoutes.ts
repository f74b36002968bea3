import type { Response } from 'express';
import { domainDetail } from '../../errors/domainDetail.js';
import { DomainError } from '../../errors/DomainError.js';
import { actorOf } from '../../services/Principal.js';
import type { User } from '../../store/types.js';
import { api } from '@aftersales/contract';
import type { Route } from '../Route.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { publicRoute, route } from '../typedRoute.js';
import type { Services } from './Services.js';

const { auth } = api;

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
    publicRoute(auth.login, {
      summary: 'Sign in; sets the session cookie (429 with Retry-After after repeated failures)',
      handler: async ({ req, res, body: { username, password } }) => {
        // The client address: the socket's, or X-Forwarded-For's only through the proxies TRUST_PROXY names.
        const { token, user } = await services.auth.login(username, password, req.ip ?? 'unknown');
        // Secure when configured, or when this request came over HTTPS (a trusted proxy's X-Forwarded-Proto too).
        setSessionCookie(res, token, services.secureCookies || req.secure, services.auth.sessions.maxHours);
        return { user: publicUser(user) };
      },
    }),
    route(auth.logout, {
      access: { roles: ['admin', 'manager', 'staff'] },
      summary: 'Sign out',
      handler: async ({ principal, res }) => {
        await services.auth.logout(principal);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
    route(auth.me, {
      access: { roles: ['admin', 'manager', 'staff'] },
      summary: 'The signed-in user',
      handler: async ({ principal }) => ({ user: principal.kind === 'user' ? publicUser(principal.user) : null }),
    }),
    route(auth.listUsers, {
      access: { roles: ['admin'] },
      summary: 'Users',
      handler: async () => ({ items: (await services.store.listUsers()).map(publicUser) }),
    }),
    route(auth.createUser, {
      access: { roles: ['admin'] },
      summary: 'Create a user',
      handler: async ({ body, principal }) => {
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
    }),
    route(auth.updateUser, {
      access: { roles: ['admin'] },
      summary: 'Change a user: name, roles, policy roles, stores, or a new password (which ends their sessions)',
      handler: async ({ body, params, principal }) => {
        const before = await services.store.userById(params.id);
        if (!before) throw new DomainError('user.notFound', { id: params.id });
        if (principal.kind === 'user' && principal.user.id === before.id && body.roles && !body.roles.includes('admin'))
          throw new DomainError(
            'user.keepOwnAdmin',
            {},
            {
              details: [domainDetail('/roles', 'detail.keepAdmin', {})],
            },
          );
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
    }),
    ...(['deactivate', 'reactivate'] as const).map((action) =>
      route(action === 'deactivate' ? auth.deactivateUser : auth.reactivateUser, {
        access: { roles: ['admin'] },
        summary:
          action === 'deactivate'
            ? 'Deactivate a user: they cannot sign in; their sessions end and the API keys they created are revoked (audited)'
            : 'Reactivate a deactivated user (revoked API keys stay revoked)',
        handler: async ({ params, principal }) => {
          const user = await services.store.userById(params.id);
          if (!user) throw new DomainError('user.notFound', { id: params.id });
          return publicUser(await services.auth.setDeactivated(user, action === 'deactivate', principal));
        },
      }),
    ),
    route(auth.listApiKeys, {
      access: { roles: ['admin'] },
      summary: 'Integrator API keys (never their secrets)',
      handler: async () => ({ items: (await services.store.listApiKeys()).map(({ keyHash: _hash, ...key }) => key) }),
    }),
    route(auth.createApiKey, {
      access: { roles: ['admin'] },
      summary: 'Create an API key; the secret is shown once',
      handler: async ({ body, principal }) => {
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
    }),
    route(auth.revokeApiKey, {
      access: { roles: ['admin'] },
      summary: 'Revoke an API key',
      handler: async ({ params, principal }) => {
        if (!(await services.store.revokeApiKey(params.id))) throw new DomainError('apiKey.notFound', {});
        await services.store.appendAudit({
          at: services.clock().toISOString(),
          actor: actorOf(principal),
          entity: 'apiKey',
          entityId: params.id,
          action: 'revoke',
          before: null,
          after: { revoked: true },
        });
      },
    }),
  ];
}
