/** Times, durations and statuses in words. */

export function relativeTime(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '—';
  const at = Date.parse(value);
  if (Number.isNaN(at)) return '—';
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days < 30 ? `${days} d ago` : new Date(at).toLocaleDateString();
}

export function absoluteTime(value: string | null | undefined): string {
  if (!value) return '';
  const at = Date.parse(value);
  return Number.isNaN(at) ? '' : new Date(at).toLocaleString();
}

export function duration(milliseconds: number | null | undefined): string {
  if (milliseconds == null || milliseconds < 0 || !Number.isFinite(milliseconds)) return '';
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes < 60) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function between(from: string | null | undefined, to: string | null | undefined, now = Date.now()): number | null {
  if (!from) return null;
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? null : end - start;
}

const STATUS_WORDS: Record<string, string> = {
  NEW: 'not deployed', QUEUED: 'queued', BUILDING: 'building', DEPLOYING: 'deploying', RUNNING: 'running',
  REPLACED: 'replaced', FAILED: 'failed', CANCELLED: 'cancelled', CRASH_LOOP: 'crash loop', STOPPED: 'stopped',
  SUSPENDED: 'suspended',
};

export function statusWords(status: string | null | undefined): string {
  const key = String(status ?? '').toUpperCase();
  return STATUS_WORDS[key] ?? (key ? key.toLowerCase().replaceAll('_', ' ') : 'unknown');
}

/** The badge's colour class. */
export function statusTone(status: string | null | undefined): 'ok' | 'busy' | 'bad' | 'idle' {
  const key = String(status ?? '').toUpperCase();
  if (key === 'RUNNING') return 'ok';
  if (['QUEUED', 'BUILDING', 'DEPLOYING'].includes(key)) return 'busy';
  if (['FAILED', 'CRASH_LOOP', 'SUSPENDED'].includes(key)) return 'bad';
  return 'idle';
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : '';
}

/** Only http(s) addresses become links. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
