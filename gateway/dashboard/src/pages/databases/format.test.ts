import {describe, expect, it} from 'vitest';
import {type Database, fileNameOf, MASK, pollUnlessSettled, withoutSecret} from './api';
import {bytes, databaseState, usage} from './format';

describe('database formatters', () => {
  it('writes sizes and usage of the quota in binary units, never rounding up to a full disk', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KiB');
    expect(bytes(1024 ** 3)).toBe('1 GiB');
    expect(usage(12 * 1024 ** 2, 1024 ** 3)).toBe('12 MiB of 1 GiB (1 %)');
    expect(usage(0.999 * 1024 ** 3, 1024 ** 3)).toMatch(/\(99 %\)$/);
  });

  it('names the crash loop in words', () => {
    expect(databaseState('CRASH_LOOP')).toBe('crash loop');
    expect(databaseState('PROVISIONING')).toBe('provisioning');
  });

  it('keeps the password out of the cached view, in the URL too', () => {
    const view = withoutSecret({id: 'd', credentials: {user: 'app', password: 'p4ss', database: 'app',
      url: 'postgresql://app:p4ss@db-1:5432/app'}} as Database);
    expect(view.credentials?.password).toBeNull();
    expect(view.credentials?.url).toBe(`postgresql://app:${MASK}@db-1:5432/app`);
    expect(JSON.stringify(view)).not.toContain('p4ss');
  });

  it('polls every 2 s until the database has settled', () => {
    expect(pollUnlessSettled('PROVISIONING')).toBe(2_000);
    expect(pollUnlessSettled('RESTORING')).toBe(2_000);
    expect(pollUnlessSettled('RUNNING')).toBe(false);
    expect(pollUnlessSettled('FAILED')).toBe(false);
  });

  it('takes the download file name from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="shop-db-2026.dump"', 'x')).toBe('shop-db-2026.dump');
    expect(fileNameOf("attachment; filename*=UTF-8''a%20b.sql", 'x')).toBe('a b.sql');
    expect(fileNameOf(null, 'backup-1')).toBe('backup-1');
  });
});
