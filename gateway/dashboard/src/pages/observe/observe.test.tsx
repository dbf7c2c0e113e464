import {QueryClientProvider} from '@tanstack/react-query';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {describe, expect, it} from 'vitest';
import {createQueryClient} from '../../api/queries';
import type {Project} from '../../api/types';
import {json, scriptFetch} from '../../test/http';
import {NotificationChannels} from './Account';
import {AlertsPage} from './Alerts';
import {DomainsTab, projectHost} from './Domains';
import {MetricsTab} from './Metrics';

const wrap = (node: React.ReactNode) => render(<QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>);
const project = {id: 'p1', name: 'shop', slug: 'shop', url: 'http://shop.paas.localhost:8000', status: 'RUNNING'} as Project;

describe('Notification channels', () => {
  it('shows a field error once, next to the webhook URL field', async () => {
    const calls = scriptFetch(call => {
      if (call.method === 'POST') {
        return json(400, {title: 'Bad Request', status: 400, detail: 'url must be an absolute https:// or http:// URL',
          errors: [{field: 'url', message: 'must be an absolute https:// or http:// URL'}]});
      }
      return json(200, []);
    });
    wrap(<NotificationChannels />);
    await screen.findByText('No channels yet: alerts are shown here only.');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'webhook');
    await userEvent.type(screen.getByLabelText('Webhook URL'), 'hooks.example.com');
    await userEvent.click(screen.getByRole('button', {name: 'Add channel'}));

    const message = await screen.findByText('Must be an absolute https:// or http:// URL.');
    expect(screen.getByLabelText('Webhook URL').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/absolute https/)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(calls.find(c => c.method === 'POST')!.body!)).toEqual({type: 'webhook', url: 'hooks.example.com'});
  });
});

describe('Domains tab', () => {
  it('lists domains and tells where to point DNS', async () => {
    scriptFetch(() => json(200, [{domain: 'shop.example.com', createdAt: '2026-12-01T13:50:00Z', status: 'ACTIVE'}]));
    wrap(<DomainsTab project={project} />);
    expect(await screen.findByRole('button', {name: 'Remove shop.example.com'})).toBeTruthy();
    expect(screen.getByRole('cell', {name: 'shop.example.com'})).toBeTruthy();
    expect(screen.getByText('shop.paas.localhost')).toBeTruthy();
    expect(projectHost('not a url')).toBeNull();
  });
});

describe('Alerts page', () => {
  it('shows open alerts in words and an empty resolved list', async () => {
    scriptFetch(call => {
      if (call.url.includes('state=open')) {
        return json(200, [{id: 'a1', kind: 'CONTAINER_MEMORY', severity: 'WARNING', state: 'OPEN', projectId: 'p1',
          message: 'shop uses 95 % of its memory', openings: 1, openedAt: new Date().toISOString()}]);
      }
      if (call.url.endsWith('/api/v1/projects')) return json(200, [project]);
      return json(200, []);
    });
    wrap(<AlertsPage />);
    expect(await screen.findByText('Memory near the limit')).toBeTruthy();
    expect(screen.getByText('shop uses 95 % of its memory')).toBeTruthy();
    expect(await screen.findByText('No resolved alerts yet.')).toBeTruthy();
    expect(await screen.findByRole('link', {name: 'shop'})).toBeTruthy();
  });
});

describe('Metrics tab', () => {
  it('says plainly when there is no data yet, and offers the ranges', async () => {
    const calls = scriptFetch(call => call.url.includes('/metrics')
      ? json(200, {stepSeconds: 15, resolution: 'raw', instances: [], total: []})
      : json(200, {granularity: 'minute', totals: {requests: 0}, series: [], topPaths: [], visitorsPerDay: []}));
    wrap(<MetricsTab project={project} />);
    expect(await screen.findByText('No container metrics yet.')).toBeTruthy();
    expect(await screen.findByText('No requests yet in this range.')).toBeTruthy();
    expect(screen.getByRole('heading', {name: 'Requests'})).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Range'), '7 d');
    await screen.findByText('No container metrics yet.');
    const last = calls.filter(c => c.url.includes('/metrics')).at(-1)!;
    const from = Date.parse(new URL(last.url, 'http://x').searchParams.get('from')!);
    const to = Date.parse(new URL(last.url, 'http://x').searchParams.get('to')!);
    expect((to - from) / 86_400_000).toBe(7);
  });
});
