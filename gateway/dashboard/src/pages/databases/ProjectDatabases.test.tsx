import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {DatabasesPage} from './DatabasesPage';
import {ProjectDatabasesTab} from './ProjectDatabases';

afterEach(cleanup);

const inClient = (node: React.ReactNode) => <QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>;

describe('Databases of a project', () => {
  it('lists the linked ones with Unlink and offers only databases that can be linked', async () => {
    let linked = [{projectId: 'p1', databaseId: 'db1', databaseName: 'shop-db', type: 'postgresql', prefix: 'DATABASE',
      variableNames: ['DATABASE_URL', 'DATABASE_HOST']}];
    const calls = scriptFetch(call => {
      if (call.method === 'DELETE') {
        linked = [];
        return {status: 204};
      }
      if (call.url.endsWith('/projects/p1/databases')) return json(200, linked);
      if (call.url.endsWith('/databases')) {
        return json(200, [
          {id: 'db1', name: 'shop-db', type: 'postgresql', state: 'RUNNING'},
          {id: 'db2', name: 'cache', type: 'redis', state: 'RUNNING'},
          {id: 'db3', name: 'new-one', type: 'mysql', state: 'PROVISIONING'},
        ]);
      }
      return json(404, {detail: 'unexpected call'});
    });
    render(inClient(<ProjectDatabasesTab project={{id: 'p1', name: 'shop'}} />));

    expect(await screen.findByText('DATABASE_URL')).toBeTruthy();
    const select = await screen.findByLabelText('Database') as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map(option => option.value)).toEqual(['db2']));

    await userEvent.click(screen.getByRole('button', {name: 'Unlink'}));

    await waitFor(() => expect(calls.some(call => call.method === 'DELETE' && call.url === '/api/v1/projects/p1/databases/db1')).toBe(true));
    expect(await screen.findByText('No databases linked to this project.')).toBeTruthy();
    expect(screen.getByText(/shop-db is unlinked/)).toBeTruthy();
  });
});

describe('Databases list', () => {
  it('leads from the empty state to New database', async () => {
    scriptFetch(() => json(200, []));
    render(inClient(<DatabasesPage />));

    expect(await screen.findByText('No databases yet.')).toBeTruthy();
    const links = screen.getAllByRole('link', {name: 'New database'});
    expect(links.every(link => link.getAttribute('href') === '#/databases/new')).toBe(true);
  });

  it('shows type, disk usage of the quota and the crash loop of each database', async () => {
    scriptFetch(call => call.url.endsWith('/projects') ? json(200, [{id: 'p1', name: 'shop'}]) : json(200, [{
      id: 'db1', name: 'shop-db', type: 'postgresql', version: '15', state: 'CRASH_LOOP', usageBytes: 256 * 1024 ** 2,
      diskQuotaBytes: 1024 ** 3, quotaExceeded: false, links: [{projectId: 'p1', prefix: 'DATABASE'}],
    }]));
    render(inClient(<DatabasesPage />));

    expect(await screen.findByRole('link', {name: 'shop-db'})).toBeTruthy();
    expect(screen.getByText('crash loop')).toBeTruthy();
    expect(screen.getByText('PostgreSQL 15')).toBeTruthy();
    expect(screen.getByText('256 MiB of 1 GiB (25 %)')).toBeTruthy();
    expect(await screen.findByRole('link', {name: 'shop'})).toBeTruthy();
  });
});
