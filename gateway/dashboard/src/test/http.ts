/** A scripted fetch for tests: each call takes the next answer; calls are recorded. */
import {vi} from 'vitest';

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export type Answer = {status: number; json?: unknown; text?: string; headers?: Record<string, string>};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return {status, json: body, headers};
}

export function scriptFetch(route: (call: Call) => Answer | Promise<Answer>) {
  const calls: Call[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      url: String(input), method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const answer = await route(call);
    const headers = new Headers(answer.headers);
    if (answer.json !== undefined) {
      headers.set('content-type', answer.status >= 400 ? 'application/problem+json' : 'application/json');
      return new Response(JSON.stringify(answer.json), {status: answer.status, headers});
    }
    return new Response(answer.status === 204 ? null : answer.text ?? '', {status: answer.status, headers});
  });
  vi.stubGlobal('fetch', fake);
  return calls;
}
