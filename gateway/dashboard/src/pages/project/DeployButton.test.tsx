import {QueryClientProvider} from '@tanstack/react-query';
import {fireEvent, render, screen, waitFor} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {DeployButton} from './DeployButton';

const inClient = (node: React.ReactNode) => <QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>;

describe('DeployButton', () => {
  it('starts one deployment however fast it is clicked twice', async () => {
    let release: () => void = () => {};
    const calls = scriptFetch(call => call.method === 'POST'
      ? new Promise(resolve => { release = () => resolve(json(202, {id: 'd2', status: 'QUEUED'})); })
      : json(200, {}));
    render(inClient(<DeployButton projectId="p1" latest={{id: 'd1', status: 'RUNNING'}} />));

    const button = screen.getByRole('button', {name: 'Deploy'});
    fireEvent.click(button);
    fireEvent.click(button);
    release();

    await waitFor(() => expect(calls.filter(call => call.method === 'POST')).toHaveLength(1));
    expect(calls[0].url).toBe('/api/v1/projects/p1/deployments');
  });

  it('is disabled while a deployment of the project is in progress', () => {
    scriptFetch(() => json(200, {}));
    render(inClient(<DeployButton projectId="p1" latest={{id: 'd1', status: 'BUILDING'}} />));

    expect(screen.getByRole('button', {name: 'Deploying…'})).toHaveProperty('disabled', true);
    expect(screen.getByText('A deployment is in progress.')).toBeTruthy();
  });
});
