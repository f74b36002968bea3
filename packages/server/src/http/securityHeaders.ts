import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers of every answer (helmet): a Content-Security-Policy without inline scripts,
 * nosniff, no framing, and HSTS when the request came over HTTPS (directly, or through a trusted
 * proxy's X-Forwarded-Proto: Express's req.secure).
 *
 * - script-src 'self': the built designer has no inline script; the staff form's validators are
 *   modules served by this server. The designer document outside /staff also allows
 *   'unsafe-eval': the rule designer's live form preview and pack check compile JSON Schema with
 *   ajv in the browser, which builds functions with `new Function`. Staff pages, /api/docs and
 *   error pages get 'self' only.
 * - style-src 'self' 'unsafe-inline': Ant Design (CSS-in-JS) injects <style> elements at run
 *   time, and /api/docs has one <style>. Styles cannot run script; a nonce would need index.html
 *   rendered per request.
 */
const base = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const options = (scriptSrc: string[]) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...base, scriptSrc } },
    // Sent below, only over HTTPS.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });

const strict = options(["'self'"]);
const designer = options(["'self'", "'unsafe-eval'"]);

/** The rule designer's document: pages the built app serves outside the staff area and the API. */
const isDesignerDocument = (path: string) => !path.startsWith('/api/') && path !== '/api' && !/^\/staff(\/|$)/.test(path);

export const HSTS = 'max-age=15552000';

export function securityHeaders(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.set('Strict-Transport-Security', HSTS);
    (isDesignerDocument(req.path) ? designer : strict)(req, res, next);
  };
}
