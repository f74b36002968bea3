import type { BodyOf, Endpoint, ErrorBody, ParamsOf, QueryOf, ResponseOf, Static } from '@aftersales/contract';
import { ApiError } from './ApiError';

export const API_BASE = '/api/v1';

type ErrorAnswer = Static<typeof ErrorBody>;

/** What a call of an endpoint sends: its path parameters, query and body, typed from the contract. */
export type CallInput<E extends Endpoint> = (E['params'] extends object ? { params: ParamsOf<E> } : { params?: never }) &
  (E['query'] extends object ? { query?: Partial<QueryOf<E>> } : { query?: never }) &
  (E['body'] extends object ? { body: BodyOf<E> } : { body?: never });

/** The HTTP layer: JSON in and out (the session is the httpOnly cookie), errors as ApiError. Every call of the app goes through it. */
export class ApiClient {
  private language = 'zh-CN';
  private readonly onUnauthorized: () => void;

  constructor(options: { onUnauthorized?: () => void } = {}) {
    this.onUnauthorized = options.onUnauthorized ?? (() => undefined);
  }

  /** Calls an endpoint of the contract (packages/contract): the input and the answer have its types. */
  call<E extends Endpoint>(endpoint: E, input: CallInput<E>): Promise<ResponseOf<E>> {
    const { params, query, body } = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
    const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
    const search = toQuery(query as Record<string, string | number | boolean | undefined> | undefined);
    return this.request<ResponseOf<E>>(endpoint.method.toUpperCase(), path + search, body);
  }

  /** Sent as Accept-Language, so the server's messages come in the user's language. */
  setLanguage(language: string): void {
    this.language = language;
  }

  /** Untyped calls, for a route not in the contract yet: every route of the API is, so the app uses `call`. */
  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T> {
    return this.request<T>('GET', path + toQuery(query));
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** A file as the raw body with its own type (what POST /files takes); the name goes in X-File-Name. */
  async upload<T>(path: string, file: File): Promise<T> {
    return this.request<T>('POST', path, file, {
      'Content-Type': file.type || 'application/octet-stream',
      'X-File-Name': encodeURIComponent(file.name),
    });
  }

  /** A POST whose answer is read as it comes (NDJSON lines): the open response, or an ApiError; `signal` stops it. */
  async stream(path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/x-ndjson',
      'Accept-Language': this.language,
      'Content-Type': 'application/json',
      'X-Requested-With': 'aftersales',
    };
    const response = await fetch(API_BASE + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
    if (!response.ok) {
      const text = await response.text();
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        // not JSON: the text itself
      }
      if (response.status === 401) this.onUnauthorized();
      throw toApiError(response.status, data, response.headers.get('Retry-After'));
    }
    return response;
  }

  async request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language, ...extraHeaders };
    // Proves the request comes from this app: a page of another site (or another port of this
    // host) cannot send a custom header with the session cookie without a CORS preflight.
    if (method !== 'GET' && method !== 'HEAD') headers['X-Requested-With'] = 'aftersales';
    let payload: BodyInit | undefined;
    if (body instanceof Blob) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetch(API_BASE + path, { method, headers, body: payload ?? null, credentials: 'same-origin' });
    } catch (error) {
      throw new ApiError({ status: 0, code: 'network', message: error instanceof Error ? error.message : String(error) });
    }
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorized();
      throw toApiError(response.status, data, response.headers.get('Retry-After'));
    }
    return data as T;
  }
}

function toQuery(query?: Record<string, string | number | boolean | undefined>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads the contract's error answer `{ error: { code, message, messageZh?, reason?, params?, details? } }`. */
export function toApiError(status: number, data: unknown, retryAfter: string | null = null): ApiError {
  const error = ((data as Partial<ErrorAnswer> | undefined)?.error ?? {}) as Partial<ErrorAnswer['error']>;
  const code = typeof error.code === 'string' ? error.code : `http.${status}`;
  const message = typeof error.message === 'string' ? error.message : typeof data === 'string' ? data : code;
  const localized = typeof error.messageZh === 'string' ? { en: message, 'zh-CN': error.messageZh } : undefined;
  return new ApiError({
    status,
    code,
    message,
    problems: Array.isArray(error.details) ? error.details : [],
    ...(typeof error.reason === 'string' ? { reason: error.reason, params: error.params ?? {} } : {}),
    ...(localized ? { localized } : {}),
    ...(retryAfter !== null && /^\d+$/.test(retryAfter) ? { retryAfterSeconds: Number(retryAfter) } : {}),
  });
}
