/**
 * Live updates: one `GET /api/v1/projects/changes` stream per signed-in session writes each change into the query
 * cache (the project and the deployment themselves; their lists are refreshed). While the stream is down, the
 * status queries fall back to a slow poll (see `isLive`); when it opens again after a gap, what may have been missed
 * is read again, since the stream has no replay.
 */
import type {QueryClient} from '@tanstack/react-query';
import {keys} from './queries';
import {onTokenRefresh} from './session';
import {follow, type SseMessage} from './sse';
import type {Deployment, Project} from './types';

let live = false;
const liveListeners = new Set<(live: boolean) => void>();

/** True while the changes stream is open: then nothing needs polling. */
export function isLive(): boolean {
  return live;
}

export function onLiveChange(listener: (live: boolean) => void): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

function setLive(next: boolean) {
  if (next === live) return;
  live = next;
  for (const listener of liveListeners) listener(next);
}

function parse<T>(data: string): T | null {
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

/** Writes one event of the changes stream into the cache. */
export function applyChange(client: QueryClient, message: SseMessage) {
  if (message.event === 'resync') {
    client.invalidateQueries();
    return;
  }
  if (message.event === 'project') {
    const project = parse<Project>(message.data);
    if (!project?.id) return;
    client.setQueryData(keys.project(project.id), project);
    client.setQueryData<Project[]>(keys.projects, list => list?.map(p => (p.id === project.id ? project : p)));
    client.invalidateQueries({queryKey: keys.projects, exact: true});
    client.invalidateQueries({queryKey: keys.runtime(project.id), exact: true});
    return;
  }
  if (message.event === 'deployment') {
    const deployment = parse<Deployment>(message.data);
    if (!deployment?.id) return;
    client.setQueryData(keys.deployment(deployment.id), deployment);
    if (deployment.projectId) {
      client.setQueryData<Deployment[]>(keys.deployments(deployment.projectId),
        list => list?.map(d => (d.id === deployment.id ? deployment : d)));
      client.invalidateQueries({queryKey: keys.deployments(deployment.projectId), exact: true});
    }
    return;
  }
  if (message.event === 'project-deleted') {
    const gone = parse<{id?: string}>(message.data);
    if (!gone?.id) return;
    client.removeQueries({queryKey: keys.project(gone.id)});
    client.setQueryData<Project[]>(keys.projects, list => list?.filter(p => p.id !== gone.id));
    client.invalidateQueries({queryKey: keys.projects, exact: true});
  }
}

function readAgain(client: QueryClient) {
  client.invalidateQueries({queryKey: keys.projects});
  client.invalidateQueries({queryKey: ['deployments']});
}

/** Follows the caller's changes until the returned function is called (on sign-out). */
export function followChanges(client: QueryClient): () => void {
  let opened = false;
  let stop = () => {};
  const open = () => {
    stop = follow('/projects/changes', {
      maxBackoff: 30_000,
      onOpen: () => {
        // Nothing is replayed: after a gap, read again what may have changed meanwhile.
        if (opened) readAgain(client);
        opened = true;
        setLive(true);
      },
      onMessage: message => applyChange(client, message),
      onClose: () => setLive(false),
      onError: () => {
        const wasLive = live;
        setLive(false);
        // Reading again also starts the fallback poll of whatever is still moving.
        if (wasLive) readAgain(client);
      },
    });
  };
  open();
  // An open stream keeps the token it was opened with: open it again with the new one.
  const stopRefresh = onTokenRefresh(() => {
    stop();
    open();
  });
  return () => {
    stopRefresh();
    stop();
    setLive(false);
  };
}
