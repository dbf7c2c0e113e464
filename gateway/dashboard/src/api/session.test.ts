import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {api, onSessionChange, resetSessionForTests, signIn, user} from './session';
import {json, scriptFetch} from '../test/http';

const ME = {id: 'u1', email: 'ada@example.com', role: 'user', disabled: false, createdAt: '2026-01-01T00:00:00Z', auth: 'password'};
const pair = (n: number) => ({accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, tokenType: 'Bearer'});

describe('session', () => {
  beforeEach(() => {
    resetSessionForTests();
    sessionStorage.clear();
  });
  afterEach(() => resetSessionForTests());

  it('keeps the access token in memory only and refreshes it quietly once on a 401', async () => {
    let refreshes = 0;
    const calls = scriptFetch(call => {
      if (call.url.endsWith('/auth/login')) return json(200, pair(1));
      if (call.url.endsWith('/auth/me')) return json(200, ME);
      if (call.url.endsWith('/auth/refresh')) {
        refreshes++;
        expect(JSON.parse(call.body!)).toEqual({refreshToken: 'refresh-1'});
        return json(200, pair(2));
      }
      // The first token has expired; the refreshed one works.
      return call.headers.Authorization === 'Bearer access-2' ? json(200, [{id: 'p1'}]) : json(401, {detail: 'expired'});
    });
    await signIn('login', {email: ME.email, password: 'correct horse battery'});

    // Two calls at once: one refresh serves both (a used refresh token would end the session).
    const [first, second] = await Promise.all([api('/projects'), api('/projects')]);

    expect(first).toEqual([{id: 'p1'}]);
    expect(second).toEqual([{id: 'p1'}]);
    expect(refreshes).toBe(1);
    expect(user()?.email).toBe(ME.email);
    expect(JSON.stringify({...localStorage})).not.toContain('access-');
    expect(JSON.stringify({...sessionStorage})).not.toContain('access-');
    expect(calls.every(call => !call.url.includes('access-'))).toBe(true);
  });

  it('ends the session when the refresh is refused, and says so', async () => {
    const reasons: string[] = [];
    scriptFetch(call => {
      if (call.url.endsWith('/auth/login')) return json(200, pair(1));
      if (call.url.endsWith('/auth/me')) return json(200, ME);
      if (call.url.endsWith('/auth/refresh')) return json(401, {detail: 'the refresh token is no longer valid'});
      return json(401, {detail: 'expired'});
    });
    await signIn('login', {email: ME.email, password: 'correct horse battery'});
    onSessionChange((_user, reason) => reasons.push(reason));

    await expect(api('/projects')).rejects.toMatchObject({status: 401});

    expect(user()).toBeNull();
    expect(reasons).toEqual(['expired']);
    expect(sessionStorage.getItem('paas.refreshToken')).toBeNull();
  });
});
