import type { Request, Response } from 'express';
import type { Endpoint } from '@aftersales/contract';
import type { Role, Scope } from '../store/types.js';
import type { Principal } from '../services/Principal.js';
import type { BodySchemaName } from './schemas.js';

/** Who may call a route: anyone, signed-in users with one of the roles, and/or API keys with the scope. */
export interface Access {
  public?: true;
  roles?: Role[];
  scope?: Scope;
}

export interface RouteContext {
  req: Request;
  res: Response;
  principal: Principal | null;
  /** With an endpoint: the body, query (coerced, with defaults) and path parameters as checked against its schemas. */
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

/** Every route declares its access in the one route table (tested route by route, role by role). */
export interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  access: Access;
  summary: string;
  /** The contract endpoint (schemas of body, query, params and response): see typedRoute.ts. New routes declare one. */
  endpoint?: Endpoint;
  /** Old style, before the contract: the name of the body schema in schemas.ts. */
  body?: BodySchemaName;
  /** Query parameters, as JSON Schemas, for the OpenAPI document (the handler reads and checks them). */
  query?: Record<string, Record<string, unknown>>;
  /** A raw upload instead of a JSON body: the accepted content types and the largest size. */
  upload?: { types: readonly string[]; maxBytes: number };
  handler: (context: RouteContext & { principal: Principal }) => Promise<unknown>;
  /** For public routes: handler without a principal. */
  publicHandler?: (context: RouteContext) => Promise<unknown>;
  /** Status of a success, default 200. */
  status?: number;
}

/** A handler's answer that is a file (CSV, Excel, a photo) rather than JSON. */
export class Download {
  constructor(
    readonly contentType: string,
    readonly body: Buffer | string,
    /** Offered as an attachment under this name; inline when absent. */
    readonly filename?: string,
  ) {}
}

/** A handler's answer it wrote itself (a stream, or nothing to a client that went away): the router sends nothing more. */
export class Answered {
  /** Marks it apart from a JSON answer (a plain object is not an Answered). */
  readonly answered = true as const;
}
