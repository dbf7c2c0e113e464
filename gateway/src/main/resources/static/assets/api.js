/**
 * Session and API access.
 *
 * The access token lives only in this module's memory: it is short-lived and never needs to outlive the page.
 * The refresh token sits in sessionStorage so a reload keeps you signed in. That store belongs to this one tab and
 * is dropped when the tab closes, which exposes the token far less than localStorage (shared by every tab and kept
 * for later visits). No cookie carries credentials, so the browser never attaches them to a request by itself and a
 * cross-site request has nothing to forge (no CSRF). Script injection would still reach both tokens; that is what
 * the strict CSP and the text-only rendering (see dom.js) guard against.
 */

const REFRESH_KEY = 'paas.refreshToken';
const REFRESH_MARGIN_SECONDS = 60;

let accessToken = null;
let currentUser = null;
let refreshTimer = 0;
let refreshInFlight = null;

/** Fires `change` (detail: {user, reason}) when someone signs in, the user record changes, or the session ends. */
export const session = new EventTarget();

/** A failed API call: HTTP status (0 when the server could not be reached) and its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    const wait = retryAfterSeconds(retryAfter);
    let message = problem.detail || problem.title || `Request failed (${status})`;
    if (status === 429) {
      message = `${problem.detail || 'Too many attempts.'} Try again in ${formatWait(wait ?? 60)}.`;
    }
    super(message);
    this.status = status;
    this.problem = problem;
    this.retryAfter = wait;
  }
}

function retryAfterSeconds(header) {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function formatWait(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

async function send(path, {method = 'GET', body, token, accept = 'application/json'} = {}) {
  const headers = {Accept: accept};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch {
    throw new ApiError(0, {detail: 'Cannot reach the server. Check your connection and try again.'});
  }
  const type = response.headers.get('content-type') ?? '';
  const payload = response.status === 204 ? null
    : type.includes('json') ? await response.json().catch(() => null)
    : await response.text();
  if (!response.ok) {
    const problem = payload && typeof payload === 'object' ? payload
      : {detail: typeof payload === 'string' && payload.length < 300 && !payload.startsWith('<') ? payload : response.statusText};
    throw new ApiError(response.status, problem, response.headers.get('retry-after'));
  }
  return payload;
}

/**
 * An authenticated API call. On 401 it refreshes the session once and retries; if that fails the session ends
 * (listeners get `change` with user null) and the error is thrown.
 */
export async function api(path, options = {}) {
  const used = accessToken;
  try {
    return await send(path, {...options, token: used});
  } catch (error) {
    if (error.status !== 401) throw error;
    // Another call may already have refreshed while this one was in flight: then just retry with the new token.
    if (accessToken === used && !(await refresh())) throw error;
    try {
      return await send(path, {...options, token: accessToken});
    } catch (retryError) {
      if (retryError.status === 401) end('expired');
      throw retryError;
    }
  }
}

/** The signed-in user, or null. */
export function user() {
  return currentUser;
}

export function isAdmin(someone = currentUser) {
  return roleOf(someone) === 'admin';
}

/** `admin` or `user`, whether the record carries a `roles` array or a single `role`. */
export function roleOf(someone) {
  if (!someone) return null;
  const roles = Array.isArray(someone.roles) ? someone.roles : [someone.role];
  return roles.some(role => String(role).toLowerCase() === 'admin') ? 'admin' : 'user';
}

/** Signs in through `login`, `register` or `github/exchange`; throws ApiError with the server's problem. */
export async function signIn(kind, body) {
  const previous = sessionStorage.getItem(REFRESH_KEY);
  await start(await send(`/auth/${kind}`, {method: 'POST', body}));
  // A GitHub round trip (linking) can come back to a tab that already had a session: end the old one.
  if (previous && previous !== sessionStorage.getItem(REFRESH_KEY)) {
    send('/auth/logout', {method: 'POST', body: {refreshToken: previous}}).catch(() => {});
  }
}

/** Resumes the tab's session after a reload. True when signed in; throws only when the server is unreachable. */
export async function restore() {
  return sessionStorage.getItem(REFRESH_KEY) ? refresh() : false;
}

/**
 * Trades the refresh token for a new pair (it is single-use: the server rotates it). Concurrent callers share one
 * request, since presenting a used refresh token would revoke the whole session. Resolves true on success and false
 * when the session is over; throws, keeping the session, when the failure looks transient.
 */
export function refresh() {
  refreshInFlight ??= (async () => {
    const token = sessionStorage.getItem(REFRESH_KEY);
    if (!token) return false;
    try {
      await start(await send('/auth/refresh', {method: 'POST', body: {refreshToken: token}}));
      return true;
    } catch (error) {
      if (error.status === 0 || error.status === 429 || error.status >= 500) {
        schedule(30);
        throw error;
      }
      end('expired');
      return false;
    }
  })().finally(() => { refreshInFlight = null; });
  return refreshInFlight;
}

export async function signOut() {
  const token = sessionStorage.getItem(REFRESH_KEY);
  const bearer = accessToken;
  end('signed-out');
  if (token) {
    // Best effort: the session is already gone from this tab whatever the server answers.
    await send('/auth/logout', {method: 'POST', body: {refreshToken: token}, token: bearer}).catch(() => {});
  }
}

async function start(pair) {
  accessToken = pair.accessToken;
  sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  const expiresIn = Number(pair.expiresIn) || 900;
  schedule(Math.max(5, Math.min(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn * 0.8)));
  const next = pair.user ?? await send('/auth/me', {token: accessToken});
  const changed = JSON.stringify(next) !== JSON.stringify(currentUser);
  currentUser = next;
  if (changed) session.dispatchEvent(new CustomEvent('change', {detail: {user: currentUser, reason: 'signed-in'}}));
}

function schedule(seconds) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), seconds * 1000);
}

function end(reason) {
  const hadSession = currentUser || accessToken || sessionStorage.getItem(REFRESH_KEY);
  clearTimeout(refreshTimer);
  accessToken = null;
  currentUser = null;
  sessionStorage.removeItem(REFRESH_KEY);
  if (hadSession) session.dispatchEvent(new CustomEvent('change', {detail: {user: null, reason}}));
}
