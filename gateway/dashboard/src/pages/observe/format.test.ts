import {describe, expect, it} from 'vitest';
import {bytes, millis, percent, rangeOf, share} from './format';

describe('observability formatters', () => {
  it('write bytes, percentages, latencies and shares in words', () => {
    expect(bytes(0)).toBe('0 B');
    expect(bytes(1536)).toBe('1.5 kB');
    expect(bytes(536_870_912)).toBe('512 MB');
    expect(bytes(undefined)).toBe('—');
    expect(percent(3.14)).toBe('3.1 %');
    expect(percent(91.6)).toBe('92 %');
    expect(millis(42.4)).toBe('42 ms');
    expect(millis(1500)).toBe('1.5 s');
    expect(share(1, 1000)).toBe('< 1 %');
    expect(share(250, 1000)).toBe('25 %');
    expect(share(0, 0)).toBe('—');
  });

  it('turns a range into ISO-8601 bounds ending now', () => {
    expect(rangeOf('24h', Date.parse('2026-12-02T10:00:00.400Z')))
      .toEqual({from: '2026-12-01T10:00:00.000Z', to: '2026-12-02T10:00:00.000Z'});
  });
});
