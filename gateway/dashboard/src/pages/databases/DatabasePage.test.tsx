import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {databaseKeys} from './api';
import {DatabasePage} from './DatabasePage';

const view = {
  id: 'db1', name: 'shop-db', type: 'postgresql', version: '15', state: 'RUNNING', reason: null, createdAt: '2026-03-01T10:00:00Z',
  usageBytes: 8 * 1024 ** 2, diskQuotaBytes: 1024 ** 3, quotaExceeded: false, memoryBytes: 0, nanoCpus: 0, externalAccess: false,
  host: 'db-0123456789ab', port: 5432, externalPort: null, links: [{projectId: 'p1', prefix: 'DATABASE'}],
  credentials: {user: 'app', password: 'p4ssw0rd', database: 'app', url: 'postgresql://app:p4ssw0rd@db-0123456789ab:5432/app'},
};

afterEach(cleanup);

describe('Database page', () => {
  it('shows the password only after Reveal password, fetched then, and never caches it', async () => {
    const calls = scriptFetch(call => {
      if (call.url.endsWith('/databases/db1')) return json(200, view);
      if (call.url.endsWith('/projects')) return json(200, [{id: 'p1', name: 'shop'}, {id: 'p2', name: 'blog'}]);
      if (call.url.endsWith('/backups')) return json(200, []);
      return json(404, {detail: 'unexpected call'});
    });
    const client = createQueryClient();
    render(<QueryClientProvider client={client}><DatabasePage id="db1" /></QueryClientProvider>);

    expect(await screen.findByRole('heading', {name: 'shop-db'})).toBeTruthy();
    expect(screen.getByText('db-0123456789ab')).toBeTruthy();
    expect(document.body.textContent).not.toContain('p4ssw0rd');
    expect(screen.getAllByRole('button', {name: 'Copy'}).length).toBeGreaterThanOrEqual(6);
    const before = calls.filter(call => call.url.endsWith('/databases/db1')).length;

    await userEvent.click(screen.getByRole('button', {name: 'Reveal password'}));

    expect(await screen.findByText('p4ssw0rd')).toBeTruthy();
    expect(calls.filter(call => call.url.endsWith('/databases/db1')).length).toBe(before + 1);
    expect(JSON.stringify(client.getQueryData(databaseKeys.one('db1')))).not.toContain('p4ssw0rd');
    expect(calls.every(call => !call.url.includes('p4ssw0rd'))).toBe(true);

    await userEvent.click(screen.getByRole('button', {name: 'Hide password'}));
    expect(document.body.textContent).not.toContain('p4ssw0rd');
  });

  it('links a project chosen in Project and lists the linked ones with Unlink', async () => {
    const calls = scriptFetch(call => {
      if (call.method === 'POST') return json(201, {projectId: 'p2', databaseId: 'db1', databaseName: 'shop-db', prefix: 'DATABASE'});
      if (call.url.endsWith('/databases/db1')) return json(200, view);
      if (call.url.endsWith('/projects')) return json(200, [{id: 'p1', name: 'shop'}, {id: 'p2', name: 'blog'}]);
      if (call.url.endsWith('/backups')) return json(200, []);
      return json(404, {detail: 'unexpected call'});
    });
    render(<QueryClientProvider client={createQueryClient()}><DatabasePage id="db1" /></QueryClientProvider>);

    expect(await screen.findByRole('button', {name: 'Unlink'})).toBeTruthy();
    const select = await screen.findByLabelText('Project');
    expect([...(select as HTMLSelectElement).options].map(option => option.textContent)).toEqual(['blog']);
    await userEvent.click(screen.getByRole('button', {name: 'Link'}));

    await waitFor(() => expect(calls.some(call => call.method === 'POST' && call.url === '/api/v1/projects/p2/databases/db1')).toBe(true));
    expect(await screen.findByText(/Linked to blog/)).toBeTruthy();
  });
});
