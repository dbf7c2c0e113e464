/**
 * Server-sent events over fetch: EventSource cannot send the Authorization header, so the stream is read from a
 * fetch body and parsed here (event, id, data, retry; comments are keep-alives). It reconnects with Last-Event-ID
 * after a dropped connection until closed or until `done` says the stream has ended for good.
 */
import {authorizedFetch} from './session';

const NOT_YET_MS = 5000;

export interface SseMessage {
  event: string;
  id?: string;
  data: string;
}

/** Parses a chunk of the stream; answers the complete messages and the unfinished rest. */
export function parseSse(buffer: string): {messages: SseMessage[]; rest: string; retry?: number} {
  const messages: SseMessage[] = [];
  let retry: number | undefined;
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    }
    if (data.length) messages.push({event, id, data: data.join('\n')});
  }
  return {messages, rest, retry};
}

export interface StreamHandlers {
  onMessage: (message: SseMessage) => void;
  /** Answers true when the stream has ended for good (no reconnect). */
  done?: (message: SseMessage) => boolean;
  onError?: (error: unknown) => void;
  onOpen?: () => void;
  /** Called when an open connection ends (cleanly or not), before reconnecting. */
  onClose?: () => void;
  /** Doubles the wait after each failed attempt up to this many milliseconds (reset once a connection opens). */
  maxBackoff?: number;
}

/** Follows `path` until the returned function is called. */
export function follow(path: string, handlers: StreamHandlers): () => void {
  const controller = new AbortController();
  let lastId: string | undefined;
  let wait = 2000;
  let failures = 0;
  let finished = false;
  const pause = () => handlers.maxBackoff ? Math.min(handlers.maxBackoff, wait * 2 ** failures) : wait;

  const run = async () => {
    while (!controller.signal.aborted && !finished) {
      try {
        const separator = path.includes('?') ? '&' : '?';
        const url = lastId ? `${path}${separator}after=${encodeURIComponent(lastId)}` : path;
        const response = await authorizedFetch(url, {accept: 'text/event-stream', signal: controller.signal});
        handlers.onOpen?.();
        failures = 0;
        const reader = response.body?.getReader();
        if (!reader) return;
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, {stream: true});
          const parsed = parseSse(buffer);
          buffer = parsed.rest;
          if (parsed.retry) wait = parsed.retry;
          for (const message of parsed.messages) {
            if (message.id) lastId = message.id;
            handlers.onMessage(message);
            if (handlers.done?.(message)) finished = true;
          }
        }
        handlers.onClose?.();
      } catch (error) {
        if (controller.signal.aborted) return;
        handlers.onError?.(error);
        failures++;
        const status = (error as {status?: number}).status;
        // 404: no build or release yet (a queued deployment, an app that never ran): look again a little later.
        if (status === 404) {
          await new Promise(resolve => setTimeout(resolve, Math.max(wait, NOT_YET_MS)));
          continue;
        }
        if (status && status >= 400 && status < 500 && status !== 429) return;
      }
      if (finished || controller.signal.aborted) return;
      await new Promise(resolve => setTimeout(resolve, pause()));
    }
  };
  run();
  return () => controller.abort();
}
