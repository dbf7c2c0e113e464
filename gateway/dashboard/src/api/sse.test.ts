import {describe, expect, it} from 'vitest';
import {parseSse} from './sse';

describe('parseSse', () => {
  it('reads events, ids and data, skips keep-alive comments and keeps an unfinished event for later', () => {
    const chunk = ':build log of deployment d1\nretry: 2000\n\n'
      + 'id: 7\nevent: phase\ndata: {"at":"2026-03-01T10:00:00Z","phase":"clone","text":"cloning"}\n\n'
      + ': keep-alive\n\n'
      + 'id: 8\r\nevent: line\r\ndata: {"text":"half';

    const {messages, rest, retry} = parseSse(chunk);

    expect(retry).toBe(2000);
    expect(messages).toEqual([{event: 'phase', id: '7', data: '{"at":"2026-03-01T10:00:00Z","phase":"clone","text":"cloning"}'}]);
    expect(rest).toBe('id: 8\nevent: line\ndata: {"text":"half');
  });
});
