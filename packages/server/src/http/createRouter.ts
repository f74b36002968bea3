import express, { Router, type Request, type Response } from 'express';
import { findUnsafeJson } from '@aftersales/engine';
import { DomainError } from '../errors/DomainError.js';
import { domainDetail } from '../errors/domainDetail.js';
import type { AuthService } from '../services/AuthService.js';
import { allows } from './allows.js';
import { Answered, Download, type Route } from './Route.js';
import { authenticate } from './authenticate.js';
import { validateBody } from './validateBody.js';
import { unsafeBody } from './unsafeBody.js';
import { validateInput } from './validateInput.js';

/**
 * Mounts the route table: authenticates, checks each route's declared access, refuses unsafe and
 * invalid bodies, calls the handler and answers JSON.
 */
export function createRouter(routes: Route[], auth: AuthService): Router {
  const router = Router();
  for (const route of routes) {
    const raw = route.upload ? [express.raw({ type: [...route.upload.types], limit: route.upload.maxBytes })] : [];
    router[route.method](route.path, ...raw, async (req: Request, res: Response) => {
      for (const key of Object.keys(req.query)) {
        // `?status[$ne]=x` and the like: operator objects are never accepted.
        if (/[[\]$]/.test(key))
          throw new DomainError('query.operator', { name: key }, { details: [domainDetail(`/query/${key}`, 'detail.noOperators', {})] });
      }
      const { principal, viaCookie } = await authenticate(req, auth);
      if (!route.access.public) {
        if (!principal) throw new DomainError('auth.required', {});
        if (!allows(principal, route.access))
          throw new DomainError('auth.notAllowed', {
            method: route.method.toUpperCase(),
            path: route.path,
            whoEn: principal.kind === 'user' ? 'user' : 'API key',
            whoZh: principal.kind === 'user' ? '你的账号' : '此 API 密钥',
          });
        // Cookie-authenticated writes must be JSON (or an upload of a declared non-form type): a
        // cross-site form post cannot send those without a CORS preflight.
        if (route.upload && !Buffer.isBuffer(req.body)) throw new DomainError('upload.wrongType', { types: route.upload.types.join(', ') });
        if (
          !route.upload &&
          viaCookie &&
          route.method !== 'get' &&
          req.headers['content-length'] !== '0' &&
          // false: a body of another type (null: no body). Express 5 leaves an unparsed body undefined, so that cannot tell.
          req.is('application/json') === false
        ) {
          throw new DomainError('request.notJson', {});
        }
      }
      const input = route.endpoint ? validateInput(route.endpoint, req) : {};
      if (route.body) {
        const unsafe = findUnsafeJson(req.body);
        if (unsafe) throw unsafeBody(unsafe);
        validateBody(route.body, req.body ?? {});
      }
      const result =
        route.access.public && route.publicHandler
          ? await route.publicHandler({ req, res, principal, ...input })
          : await route.handler({ req, res, principal: principal!, ...input });
      // A streamed answer (impact progress): the handler wrote it itself.
      if (result instanceof Answered || res.headersSent) {
        if (!res.writableEnded) res.end();
        return;
      }
      if (result instanceof Download) {
        res.status(route.status ?? 200).type(result.contentType);
        if (result.filename) res.attachment(result.filename);
        res.send(result.body);
      } else if (route.status === 204) res.status(204).end();
      else res.status(route.status ?? 200).json(result ?? {});
    });
  }
  return router;
}
