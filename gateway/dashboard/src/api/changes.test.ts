import {QueryClient} from '@tanstack/react-query';
import {describe, expect, it} from 'vitest';
import {applyChange} from './changes';
import {keys} from './queries';
import type {Deployment, Project} from './types';

const project = (status: string): Project => ({id: 'p1', name: 'shop', slug: 'shop', status} as Project);

describe('applyChange', () => {
  it('writes a project event into the cached project and its row of the list', () => {
    const client = new QueryClient();
    client.setQueryData(keys.project('p1'), project('BUILDING'));
    client.setQueryData(keys.projects, [project('BUILDING'), {...project('RUNNING'), id: 'p2'}]);

    applyChange(client, {event: 'project', data: JSON.stringify(project('RUNNING'))});

    expect(client.getQueryData<Project>(keys.project('p1'))?.status).toBe('RUNNING');
    expect(client.getQueryData<Project[]>(keys.projects)?.map(p => p.status)).toEqual(['RUNNING', 'RUNNING']);
    expect(client.getQueryState(keys.projects)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.project('p1'))?.isInvalidated).toBe(false);
  });

  it('writes a deployment, forgets a deleted project and marks everything stale on resync', () => {
    const client = new QueryClient();
    const deployment = {id: 'd1', projectId: 'p1', status: 'DEPLOYING'} as Deployment;
    client.setQueryData(keys.deployments('p1'), [{...deployment, status: 'BUILDING'}]);
    client.setQueryData(keys.projects, [project('RUNNING')]);
    client.setQueryData(keys.project('p1'), project('RUNNING'));

    applyChange(client, {event: 'deployment', data: JSON.stringify(deployment)});
    expect(client.getQueryData<Deployment>(keys.deployment('d1'))?.status).toBe('DEPLOYING');
    expect(client.getQueryData<Deployment[]>(keys.deployments('p1'))?.[0].status).toBe('DEPLOYING');

    applyChange(client, {event: 'project-deleted', data: '{"id":"p1"}'});
    expect(client.getQueryData(keys.project('p1'))).toBeUndefined();
    expect(client.getQueryData<Project[]>(keys.projects)).toEqual([]);

    applyChange(client, {event: 'resync', data: '{}'});
    expect(client.getQueryState(keys.deployment('d1'))?.isInvalidated).toBe(true);
  });

  it('ignores an event it cannot read', () => {
    const client = new QueryClient();
    client.setQueryData(keys.project('p1'), project('RUNNING'));
    applyChange(client, {event: 'project', data: 'not json'});
    expect(client.getQueryData<Project>(keys.project('p1'))?.status).toBe('RUNNING');
  });
});
