import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {ReactNode} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {AdminPage} from '../Admin';
import {bytes} from '../billing/money';
import type {PlanView} from '../billing/types';
import {AlertsAdmin, CapacityAdmin, ContainersAdmin} from './Observability';
import {PlansAdmin, requestOf} from './Plans';
import {ProjectAudit} from './ProjectAudit';
import {RuntimesAdmin} from './Runtimes';
import {WalletsAdmin} from './Wallets';

const withClient = (node: ReactNode) => render(<QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>);
const invalid = (field: string, message: string) =>
  json(400, {title: 'Bad Request', status: 400, detail: `${field} ${message}`, errors: [{field, message}]});

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const plan: PlanView = {
  id: 'p1', name: 'hobby', cpuMillis: 1000, memoryMb: 1024, diskMb: 2048, maxInstances: 2, maxApps: 5,
  maxDatabasesPerType: {postgresql: 1}, databaseDiskMb: 1024, allowedRuntimes: null, monthlyPrice: '5.0000',
  hourlyRate: '0.0068', status: 'ACTIVE', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('admin role', () => {
  it('tells a regular user that the page needs the admin role', () => {
    withClient(<AdminPage path="/admin/plans" someone={{id: 'u', email: 'ann@example.com', role: 'user'}} />);
    expect(screen.getByRole('alert').textContent).toContain('This page needs the admin role');
    expect(screen.queryByRole('navigation', {name: 'Administration'})).toBeNull();
  });

  it('gives an admin the sub-navigation', () => {
    scriptFetch(() => json(200, []));
    withClient(<AdminPage path="/admin/containers" someone={{id: 'a', email: 'root@example.com', role: 'admin'}} />);
    const nav = screen.getByRole('navigation', {name: 'Administration'});
    expect(within(nav).getAllByRole('link').map(link => link.textContent))
      .toEqual(['Users', 'Runtimes', 'Plans', 'Audit log', 'Capacity', 'Containers', 'Alerts', 'Wallets']);
    expect(within(nav).getByRole('link', {name: 'Containers'}).getAttribute('aria-current')).toBe('page');
  });
});

describe('plans', () => {
  it('explains a refused delete: the plan is in use, retire it instead', async () => {
    vi.stubGlobal('confirm', () => true);
    scriptFetch(call => {
      if (call.method === 'DELETE') return json(409, {title: 'Conflict', status: 409, detail: 'cannot delete plan hobby: it is in use, 3 accounts are on it'});
      if (call.url.endsWith('/admin/plans')) return json(200, [plan]);
      return json(404, {detail: 'unexpected call'});
    });
    withClient(<PlansAdmin />);

    await userEvent.click(await screen.findByRole('button', {name: 'Delete'}));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Cannot delete plan hobby: it is in use, 3 accounts are on it.');
    expect(alert.textContent).toContain('retire it instead');
  });

  it('sends the form as the API takes it and shows a field error once', async () => {
    const calls = scriptFetch(call => {
      if (call.method === 'POST') return invalid('name', "must be 1 to 40 lower-case letters, digits or '-'");
      return json(200, []);
    });
    withClient(<PlansAdmin />);
    await screen.findByText('No plans yet.');

    await userEvent.type(screen.getByLabelText('Name'), 'Pro Plan');
    await userEvent.type(screen.getByLabelText('Allowed runtimes'), 'node, python');
    await userEvent.click(screen.getByRole('button', {name: 'Create plan'}));

    const message = await screen.findByText("Must be 1 to 40 lower-case letters, digits or '-'.");
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/lower-case letters, digits/)).toHaveLength(1);
    const body = JSON.parse(calls.find(c => c.method === 'POST')!.body!);
    expect(body).toMatchObject({name: 'Pro Plan', cpuMillis: 500, allowedRuntimes: ['node', 'python'], hourlyRate: null,
      maxDatabasesPerType: {postgresql: 1, mysql: 1, redis: 1, mongodb: 1}});
  });

  it('turns empty numbers into null for the API to name', () => {
    const form = {name: 'x', numbers: {cpuMillis: '', memoryMb: '1', diskMb: '1', maxInstances: '1', maxApps: '1', databaseDiskMb: '1'},
      databases: {postgresql: '', mysql: '2', redis: '0', mongodb: '0'}, runtimes: ' ', monthlyPrice: ' 1.00 ', hourlyRate: ''};
    expect(requestOf(form)).toMatchObject({cpuMillis: null, allowedRuntimes: null, monthlyPrice: '1.00', maxDatabasesPerType: {postgresql: 0, mysql: 2}});
  });
});

describe('runtimes', () => {
  it('shows a bad stack once, next to Stack', async () => {
    scriptFetch(call => call.method === 'POST' ? invalid('stack', "must be one of node, python, got 'cobol'")
      : json(200, [{id: 'r1', stack: 'node', version: '20', buildImage: 'node:20', runImage: 'node:20-slim', createdAt: null, updatedAt: null}]));
    withClient(<RuntimesAdmin />);
    expect(await screen.findByText('node:20-slim')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Stack'), 'cobol');
    await userEvent.click(screen.getByRole('button', {name: 'Add runtime'}));

    expect(await screen.findByText("Must be one of node, python, got 'cobol'.")).toBeTruthy();
    expect(screen.getAllByText(/cobol'/)).toHaveLength(1);
  });
});

describe('wallet adjustments', () => {
  it('checks the user ID before asking, and shows the API field error once', async () => {
    const calls = scriptFetch(call => call.method === 'POST' ? invalid('amount', 'must not be zero') : json(200, []));
    withClient(<WalletsAdmin />);

    await userEvent.type(screen.getByLabelText('User ID'), 'ann');
    await userEvent.click(screen.getByRole('button', {name: 'Adjust wallet'}));
    expect(await screen.findByText(/Not a user ID/)).toBeTruthy();
    expect(calls.filter(c => c.method === 'POST')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('User ID'));
    await userEvent.type(screen.getByLabelText('User ID'), '0190c8e2-1111-7000-8000-000000000001');
    await userEvent.type(screen.getByLabelText('Amount'), '0');
    await userEvent.type(screen.getByLabelText('Reason'), 'goodwill');
    await userEvent.click(screen.getByRole('button', {name: 'Adjust wallet'}));

    const message = await screen.findByText('Must not be zero.');
    expect(screen.getByLabelText('Amount').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/not be zero/)).toHaveLength(1);
    const post = calls.find(c => c.method === 'POST')!;
    expect(post.url).toContain('/admin/billing/wallets/0190c8e2-1111-7000-8000-000000000001/adjustments');
    expect(JSON.parse(post.body!)).toEqual({amount: '0', currency: 'USD', reason: 'goodwill'});
    expect(post.headers['Idempotency-Key']).toBeTruthy();
  });
});

describe('observability', () => {
  it('shows a bad threshold once, next to its field', async () => {
    scriptFetch(call => call.method === 'PUT' ? invalid('percent', 'must be a number from 1 to 100') : json(200, {
      host: 'box', sampledAt: '2026-01-01T00:00:00Z', cpuCores: 2, cpuPercent: 12, cpuAveragePercent: 10, memoryTotalBytes: 8 * 1024 ** 3,
      memoryUsedBytes: 2 * 1024 ** 3, memoryPercent: 25, diskTotalBytes: 100 * 1024 ** 3, diskUsedBytes: 10 * 1024 ** 3, diskPercent: 10,
      thresholdPercent: 90, admitting: true, reason: null, runningContainers: 3, queuedDeployments: []}));
    withClient(<CapacityAdmin />);
    expect(await screen.findByText('2.0 GiB of 8.0 GiB (25 %)')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Threshold (%)'), '150');
    await userEvent.click(screen.getByRole('button', {name: 'Save threshold'}));

    expect(await screen.findByText('Must be a number from 1 to 100.')).toBeTruthy();
    expect(screen.getAllByText(/from 1 to 100\./)).toHaveLength(1);
  });

  it('lists containers without owners, and says when there are none', async () => {
    scriptFetch(() => json(200, [{id: 'abcdef1234567890', kind: 'APP', stack: 'node', status: 'RUNNING', cpuPercent: 3.5,
      cpuPercentOfHost: 1.7, memoryBytes: 50 * 1024 ** 2, memoryLimitBytes: 512 * 1024 ** 2, uptimeSeconds: 3700, restartCount: 0}]));
    withClient(<ContainersAdmin />);
    expect(await screen.findByText('abcdef123456')).toBeTruthy();
    expect(screen.getByText('50 MiB / 512 MiB')).toBeTruthy();
    expect(screen.getByText('1 h 1 min')).toBeTruthy();
    expect(bytes(1536)).toBe('1.5 KiB');
  });

  it('filters alerts by state', async () => {
    const calls = scriptFetch(() => json(200, []));
    withClient(<AlertsAdmin />);
    expect(await screen.findByText('No open alerts.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', {name: 'Resolved'}));
    expect(await screen.findByText('No alerts.')).toBeTruthy();
    expect(calls.map(c => c.url)).toContain('/api/v1/admin/alerts?state=resolved&limit=100');
  });

  it('shows the projects audit trail', async () => {
    scriptFetch(() => json(200, [{id: 'e1', at: '2026-01-01T00:00:00Z', actorId: null, projectId: 'p', slug: 'shop', action: 'PROJECT_DELETED', detail: 'by its owner'}]));
    withClient(<ProjectAudit />);
    expect(await screen.findByText('PROJECT_DELETED')).toBeTruthy();
    expect(screen.getByText('shop')).toBeTruthy();
  });
});
