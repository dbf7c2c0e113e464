/**
 * A small hash router (#/projects/…): the gateway serves one index.html, so deep links work without a server-side
 * fallback, and it costs a few lines instead of a router library.
 */
import {useSyncExternalStore} from 'react';

function currentPath(): string {
  const hash = window.location.hash;
  return hash.startsWith('#/') ? hash.slice(1) : '/projects';
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

export function navigate(path: string, replace = false) {
  if (replace) {
    history.replaceState(null, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}

/** Matches `/projects/:id/:tab` style patterns; answers the named parts or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('?')[0].split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export const href = (path: string) => `#${path}`;
