/**
 * The HTTP client of the web app: JSON in and out, the session cookie sent by the browser, the
 * CSRF token echoed in a header on every state-changing request, and one error shape
 * (`{ error: { code, message } }` → ApiError) so that screens show one kind of failure.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ClientState {
  csrfToken: string | null;
  onUnauthorized: (() => void) | null;
}

const state: ClientState = { csrfToken: null, onUnauthorized: null };

/** Name of the header the server checks against the session's token (see server API.md). */
export const CSRF_HEADER = 'x-csrf-token';

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function onUnauthorized(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` plus the defined query parameters, URL-encoded. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers[CSRF_HEADER] = state.csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    if (res.status === 401 && state.onUnauthorized && !path.endsWith('/login')) state.onUnauthorized();
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? res.statusText);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
};
