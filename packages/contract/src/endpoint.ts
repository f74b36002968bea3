import type { Static, TSchema } from 'typebox';

/**
 * One route of the API as both sides see it: method, path (Express style, `:id`), and the schemas
 * of its body, query, path parameters and success answer. The server validates requests with the
 * same schemas and types its handlers from them; the web app types its calls from them; the
 * OpenAPI document is generated from them.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  body?: TSchema;
  query?: TSchema;
  params?: TSchema;
  /** The success answer (JSON); absent for 204 and for files (see `file`). */
  response?: TSchema;
  /** The status of a success (default 200). */
  status?: number;
  /** With `Accept: application/x-ndjson` the answer streams: one JSON object of this schema a line. */
  stream?: TSchema;
  /** The answer is a file of these content types, not JSON. */
  file?: readonly string[];
}

/** Declares an endpoint, keeping its literal types (so `Static` of its schemas types the handler and the client). */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

type StaticOr<S, Fallback> = S extends TSchema ? Static<S> : Fallback;

export type BodyOf<E extends Endpoint> = StaticOr<E['body'], undefined>;
export type QueryOf<E extends Endpoint> = StaticOr<E['query'], Record<string, never>>;
export type ParamsOf<E extends Endpoint> = StaticOr<E['params'], Record<string, never>>;
export type ResponseOf<E extends Endpoint> = StaticOr<E['response'], void>;
