/**
 * The session and every call to the public REST API (same origin, /api/v1).
 *
 * The access token lives only in this module's memory. The refresh token is kept in this tab's sessionStorage (as
 * the previous dashboard did) so that a reload keeps you signed in: it is single-use (identity-service rotates it on
 * every refresh and revokes the session when a used one comes back) and the tab's store is dropped with the tab.
 * No cookie carries credentials, so a cross-site request has nothing to forge. Refreshing runs quietly: ahead of
 * expiry on a timer, and once on a 401 before the call is retried.
 */
import {ApiError, type Problem} from './problems';
import type {Me, TokenPair} from './types';

const REFRESH_KEY = 'paas.refreshToken';
const REFRESH_MARGIN_SECONDS = 60;

let accessToken: string | null = null;
let currentUser: Me | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<boolean> | null = null;
const listeners = new Set<(user: Me | null, reason: string) => void>();
const tokenListeners = new Set<() => void>();

/** Called after each new access token (a quiet refresh too): long-lived streams re-open with it. */
export function onTokenRefresh(listener: () => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** A string body sent as text/plain (e.g. a pasted .env). */
  text?: string;
  accept?: string;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function send(path: string, options: CallOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {...options.headers, Accept: options.accept ?? 'application/json'};
  let body: string | undefined;
  if (options.text !== undefined) {
    headers['Content-Type'] = 'text/plain';
    body = options.text;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {method: options.method ?? 'GET', headers, body, signal: options.signal});
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {});
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function errorOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  let problem: Problem = {};
  if (type.includes('json')) {
    const payload: unknown = await response.json().catch(() => null);
    if (payload && typeof payload === 'object') problem = payload as Problem;
  } else {
    const body = await response.text().catch(() => '');
    if (body && body.length < 300 && !body.trimStart().startsWith('<')) problem = {detail: body};
  }
  return new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('retry-after')));
}

async function payloadOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/**
 * An authenticated call that answers the response itself (for streams). On 401 it refreshes once and retries; when
 * that fails too the session ends and the error is thrown.
 */
export async function authorizedFetch(path: string, options: CallOptions = {}): Promise<Response> {
  const used = accessToken;
  try {
    return await send(path, options, used);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    // Another call may have refreshed while this one was in flight: then just retry with the new token.
    if (accessToken === used && !(await refresh())) throw error;
    try {
      return await send(path, options, accessToken);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) end('expired');
      throw retryError;
    }
  }
}

/** An authenticated call answering the parsed body (JSON, or text for text responses). */
export async function api<T = unknown>(path: string, options: CallOptions = {}): Promise<T> {
  return payloadOf<T>(await authorizedFetch(path, options));
}

export function user(): Me | null {
  return currentUser;
}

export function isAdmin(someone: Me | null = currentUser): boolean {
  return String(someone?.role ?? '').toLowerCase() === 'admin';
}

export function onSessionChange(listener: (user: Me | null, reason: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(reason: string) {
  for (const listener of listeners) listener(currentUser, reason);
}

/** Signs in through `login`, `register` or `github/exchange`; throws ApiError with the server's problem. */
export async function signIn(kind: 'login' | 'register' | 'github/exchange', body: unknown): Promise<void> {
  const previous = sessionStorage.getItem(REFRESH_KEY);
  const response = await send(`/auth/${kind}`, {method: 'POST', body}, null);
  await start(await payloadOf<TokenPair>(response));
  // A GitHub round trip (linking) can come back to a tab that already had a session: end the old one.
  if (previous && previous !== sessionStorage.getItem(REFRESH_KEY)) {
    send('/auth/logout', {method: 'POST', body: {refreshToken: previous}}, null).catch(() => {});
  }
}

/** Resumes the tab's session after a reload. True when signed in; throws only when the server is unreachable. */
export async function restore(): Promise<boolean> {
  return sessionStorage.getItem(REFRESH_KEY) ? refresh() : false;
}

/**
 * Trades the refresh token for a new pair. Concurrent callers share one request, since presenting a used refresh
 * token would revoke the whole session. True on success, false when the session is over; throws (keeping the
 * session) when the failure looks transient.
 */
export function refresh(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    const token = sessionStorage.getItem(REFRESH_KEY);
    if (!token) return false;
    try {
      const response = await send('/auth/refresh', {method: 'POST', body: {refreshToken: token}}, null);
      await start(await payloadOf<TokenPair>(response));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500)) {
        schedule(30);
        throw error;
      }
      end('expired');
      return false;
    }
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

export async function signOut(): Promise<void> {
  const token = sessionStorage.getItem(REFRESH_KEY);
  const bearer = accessToken;
  end('signed-out');
  if (token) {
    // Best effort: the session is already gone from this tab whatever the server answers.
    await send('/auth/logout', {method: 'POST', body: {refreshToken: token}}, bearer).catch(() => {});
  }
}

async function start(pair: TokenPair) {
  if (!pair?.accessToken || !pair.refreshToken) throw new ApiError(502, {detail: 'the sign-in answer had no tokens'});
  accessToken = pair.accessToken;
  sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  const expiresIn = Number(pair.expiresIn) || 900;
  schedule(Math.max(5, Math.min(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn * 0.8)));
  const next = await payloadOf<Me>(await send('/auth/me', {}, accessToken));
  const changed = JSON.stringify(next) !== JSON.stringify(currentUser);
  currentUser = next;
  if (changed) notify('signed-in');
  for (const listener of tokenListeners) listener();
}

function schedule(seconds: number) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refresh().catch(() => {});
  }, seconds * 1000);
}

function end(reason: string) {
  const hadSession = currentUser || accessToken || sessionStorage.getItem(REFRESH_KEY);
  clearTimeout(refreshTimer);
  accessToken = null;
  currentUser = null;
  sessionStorage.removeItem(REFRESH_KEY);
  if (hadSession) notify(reason);
}

/** For tests: forget everything without telling anyone. */
export function resetSessionForTests() {
  clearTimeout(refreshTimer);
  accessToken = null;
  currentUser = null;
  refreshInFlight = null;
  listeners.clear();
  tokenListeners.clear();
}
