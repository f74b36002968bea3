import type { BodyOf, Endpoint, ParamsOf, QueryOf, ResponseOf } from '@aftersales/contract';
import type { Principal } from '../services/Principal.js';
import type { Access, Answered, Download, Route, RouteContext } from './Route.js';

/** What a typed handler gets: the request's body, query and path parameters, checked against its endpoint's schemas. */
export interface TypedContext<E extends Endpoint, P extends Principal | null = Principal> extends RouteContext {
  principal: P;
  body: BodyOf<E>;
  query: QueryOf<E>;
  params: ParamsOf<E>;
}

/** The endpoint's answer, a file for a download; or `Answered` when the handler wrote it itself (a stream). */
type Answer<E extends Endpoint> = (E['file'] extends readonly string[] ? Download : ResponseOf<E>) | Answered;

interface Spec {
  access: Access;
  summary: string;
  /** A raw upload instead of a JSON body: the accepted content types and the largest size. */
  upload?: Route['upload'];
}

/**
 * A route of the table from its contract endpoint: method, path, status and schemas come from the
 * endpoint; the router checks body, query and params against them (a 400 with pointers otherwise)
 * before the handler runs, and the handler's answer must be the endpoint's response type.
 */
export function route<E extends Endpoint>(endpoint: E, spec: Spec & { handler: (context: TypedContext<E>) => Promise<Answer<E>> }): Route {
  return {
    method: endpoint.method,
    path: endpoint.path,
    access: spec.access,
    summary: spec.summary,
    endpoint,
    ...(spec.upload ? { upload: spec.upload } : {}),
    ...(endpoint.status ? { status: endpoint.status } : {}),
    // The router validated the input against the endpoint's schemas: here it has their types.
    handler: (context) => spec.handler(context as TypedContext<E>),
  };
}

/** A route anyone may call (signed in or not). */
export function publicRoute<E extends Endpoint>(
  endpoint: E,
  spec: Omit<Spec, 'access'> & { handler: (context: TypedContext<E, Principal | null>) => Promise<Answer<E>> },
): Route {
  const handler = (context: RouteContext) => spec.handler(context as TypedContext<E, Principal | null>);
  return {
    method: endpoint.method,
    path: endpoint.path,
    access: { public: true },
    summary: spec.summary,
    endpoint,
    ...(endpoint.status ? { status: endpoint.status } : {}),
    handler,
    publicHandler: handler,
  };
}
