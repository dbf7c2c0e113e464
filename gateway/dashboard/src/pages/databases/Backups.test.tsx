import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {absoluteTime} from '../../ui/format';
import type {Backup, Database} from './api';
import {RestoreDialog} from './Backups';

const database = {id: 'db1', name: 'shop-db', type: 'postgresql', state: 'RUNNING'} as Database;
const backup = {id: 'b1', databaseId: 'db1', trigger: 'MANUAL', status: 'COMPLETED', createdAt: '2026-03-01T10:00:00Z'} as Backup;

afterEach(cleanup);

describe('Restore confirmation', () => {
  it('says what is replaced and restores only once the database name is typed', async () => {
    const calls = scriptFetch(() => json(202, {id: 'r1', databaseId: 'db1', backupId: 'b1', status: 'VERIFYING'}));
    const started = vi.fn();
    render(<QueryClientProvider client={createQueryClient()}>
      <RestoreDialog database={database} backup={backup} onClose={() => {}} onStarted={started} />
    </QueryClientProvider>);

    expect(screen.getByText(`The current data of shop-db is replaced by the backup of ${absoluteTime(backup.createdAt)}; `
      + 'a safety backup is taken first.')).toBeTruthy();
    const restore = screen.getByRole('button', {name: 'Restore'});
    expect(restore).toHaveProperty('disabled', true);

    await userEvent.type(screen.getByLabelText('Type shop-db to confirm'), 'shop-d');
    expect(restore).toHaveProperty('disabled', true);
    await userEvent.type(screen.getByLabelText('Type shop-db to confirm'), 'b');
    await userEvent.click(restore);

    await waitFor(() => expect(started).toHaveBeenCalledWith(expect.objectContaining({id: 'r1'})));
    const post = calls.find(call => call.method === 'POST');
    expect(post?.url).toBe('/api/v1/databases/db1/restore');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({backupId: 'b1'});
  });
});
