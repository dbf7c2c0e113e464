/** Sizes, quotas and database states in words. */
import {absoluteTime} from '../../ui/format';

export function bytes(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value) || value < 0) return '—';
  if (value < 1024) return `${value} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let amount = value / 1024;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${amount >= 100 ? Math.round(amount) : Number(amount.toFixed(1))} ${units[unit]}`;
}

/** "12 MiB of 1 GiB (1 %)"; the percentage is floored so that 99.6 % never reads as a full disk. */
export function usage(used: number, quota: number): string {
  if (!quota || quota <= 0) return bytes(used);
  const percent = Math.min(100, Math.floor((used / quota) * 100));
  return `${bytes(used)} of ${bytes(quota)} (${percent} %)`;
}

export function usageRatio(used: number, quota: number): number {
  return quota > 0 ? Math.max(0, Math.min(1, used / quota)) : 0;
}

const STATE_WORDS: Record<string, string> = {
  PROVISIONING: 'provisioning', RUNNING: 'running', STOPPED: 'stopped', FAILED: 'failed', CRASH_LOOP: 'crash loop',
  RESTORING: 'restoring', DELETED: 'deleted',
};

export function databaseState(state: string | null | undefined): string {
  const key = String(state ?? '').toUpperCase();
  return STATE_WORDS[key] ?? (key ? key.toLowerCase().replaceAll('_', ' ') : 'unknown');
}

export function databaseTone(state: string | null | undefined): 'ok' | 'busy' | 'bad' | 'idle' {
  const key = String(state ?? '').toUpperCase();
  if (key === 'RUNNING' || key === 'COMPLETED') return 'ok';
  if (['PROVISIONING', 'RESTORING', 'QUEUED', 'VERIFYING', 'BACKING_UP', 'SWAPPING'].includes(key)) return 'busy';
  if (['FAILED', 'CRASH_LOOP'].includes(key)) return 'bad';
  return 'idle';
}

const TYPE_WORDS: Record<string, string> = {postgresql: 'PostgreSQL', mysql: 'MySQL', redis: 'Redis', mongodb: 'MongoDB'};

export function typeName(type: string | null | undefined, version?: string | null): string {
  const name = TYPE_WORDS[String(type ?? '')] ?? String(type ?? 'unknown');
  return version ? `${name} ${version}` : name;
}

const BACKUP_KINDS: Record<string, string> = {MANUAL: 'manual', SCHEDULED: 'scheduled', SAFETY: 'safety (before a restore)', UPLOAD: 'uploaded dump'};

export function backupKind(trigger: string | null | undefined): string {
  const key = String(trigger ?? '').toUpperCase();
  return BACKUP_KINDS[key] ?? (key ? key.toLowerCase() : 'unknown');
}

const RESTORE_STEPS: Record<string, string> = {
  QUEUED: 'Waiting to start', VERIFYING: 'Checking the backup and loading it into a new volume',
  BACKING_UP: 'Taking a safety backup of the current data', SWAPPING: 'Switching the database to the restored data',
  COMPLETED: 'Restored', FAILED: 'The restore failed; the previous data was kept',
};

export function restoreStep(status: string | null | undefined): string {
  const key = String(status ?? '').toUpperCase();
  return RESTORE_STEPS[key] ?? (key ? key.toLowerCase().replaceAll('_', ' ') : 'Starting');
}

/** What a restore replaces, in the words the confirmation shows. */
export function restoreWarning(databaseName: string, backupCreatedAt: string | null | undefined): string {
  const when = absoluteTime(backupCreatedAt) || 'an unknown time';
  return `The current data of ${databaseName} is replaced by the backup of ${when}; a safety backup is taken first.`;
}

export function backupTone(status: string | null | undefined): 'ok' | 'busy' | 'bad' | 'idle' {
  const key = String(status ?? '').toUpperCase();
  if (key === 'COMPLETED') return 'ok';
  if (key === 'QUEUED' || key === 'RUNNING') return 'busy';
  return key === 'FAILED' ? 'bad' : 'idle';
}
