/** Numbers of the observability pages in words: bytes, percentages, latencies and the selectable ranges. */

export const RANGES = [
  {key: '1h', label: '1 h', seconds: 3600},
  {key: '24h', label: '24 h', seconds: 86_400},
  {key: '7d', label: '7 d', seconds: 7 * 86_400},
  {key: '30d', label: '30 d', seconds: 30 * 86_400},
] as const;

export type RangeKey = (typeof RANGES)[number]['key'];

/** The ISO-8601 `from` and `to` of a range ending now. */
export function rangeOf(key: RangeKey, now = Date.now()): {from: string; to: string} {
  const range = RANGES.find(r => r.key === key) ?? RANGES[0];
  const to = Math.floor(now / 1000) * 1000;
  return {from: new Date(to - range.seconds * 1000).toISOString(), to: new Date(to).toISOString()};
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 kB" (powers of 1024, as memory limits are set). */
export function bytes(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  let amount = Math.abs(value);
  let unit = 0;
  while (amount >= 1024 && unit < UNITS.length - 1) {
    amount /= 1024;
    unit++;
  }
  const shown = unit === 0 || amount >= 100 ? Math.round(amount).toString() : amount.toFixed(1).replace(/\.0$/, '');
  return `${value < 0 ? '-' : ''}${shown} ${UNITS[unit]}`;
}

export function percent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} %`;
}

export function millis(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(value)} ms`;
}

/** Share of a status class in all requests, "12 %"; "—" without requests. */
export function share(part: number | undefined, whole: number | undefined): string {
  if (!whole || part == null) return '—';
  const value = (part / whole) * 100;
  return value > 0 && value < 1 ? '< 1 %' : `${Math.round(value)} %`;
}

export function count(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString('en');
}
