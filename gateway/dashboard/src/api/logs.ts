/** Live logs: a deployment's build log (build-service) and a project's app log (runtime-service), both over SSE. */
import {useQueryClient} from '@tanstack/react-query';
import {useEffect, useState} from 'react';
import {keys} from './queries';
import {follow} from './sse';
import type {BuildLogEvent, RuntimeLogLine} from './types';

const KEEP_LINES = 5000;
const enc = encodeURIComponent;

export interface LogState<T> {
  lines: T[];
  error: unknown;
  connected: boolean;
}

export interface BuildLogState extends LogState<BuildLogEvent> {
  marks: Record<string, string>;
  ended: BuildLogEvent | null;
}

const keepTail = <T,>(lines: T[]) => (lines.length > KEEP_LINES ? lines.slice(-KEEP_LINES) : lines);

/**
 * Follows a deployment's build log from its first line. Each phase marker and the end refresh the deployment and
 * its project in the cache, which is how statuses move on screen without polling.
 */
export function useBuildLog(deploymentId: string | undefined, projectId?: string): BuildLogState {
  const client = useQueryClient();
  const [state, setState] = useState<BuildLogState>({lines: [], marks: {}, ended: null, error: null, connected: false});
  useEffect(() => {
    setState({lines: [], marks: {}, ended: null, error: null, connected: false});
    if (!deploymentId) return undefined;
    const refreshViews = () => {
      client.invalidateQueries({queryKey: keys.deployment(deploymentId)});
      if (projectId) client.invalidateQueries({queryKey: keys.project(projectId)});
      client.invalidateQueries({queryKey: keys.projects, exact: true});
    };
    return follow(`/deployments/${enc(deploymentId)}/build-log?follow=true`, {
      onOpen: () => setState(previous => ({...previous, connected: true, error: null})),
      onMessage: message => {
        let data: Partial<BuildLogEvent> = {};
        try {
          data = JSON.parse(message.data);
        } catch {
          data = {text: message.data};
        }
        const line: BuildLogEvent = {
          id: message.id, event: message.event as BuildLogEvent['event'], at: data.at ?? null,
          phase: data.phase ?? null, text: data.text ?? '', outcome: data.outcome, error: data.error,
        };
        setState(previous => ({
          ...previous,
          lines: keepTail([...previous.lines, line]),
          marks: line.event === 'phase' && line.phase && line.at && !previous.marks[line.phase]
            ? {...previous.marks, [line.phase]: line.at} : previous.marks,
          ended: line.event === 'end' ? line : previous.ended,
        }));
        if (line.event === 'phase' || line.event === 'end') refreshViews();
      },
      done: message => message.event === 'end',
      onError: error => setState(previous => ({...previous, error, connected: false})),
    });
  }, [deploymentId, projectId, client]);
  return state;
}

/** Follows a project's app log (all replicas), optionally from one level up. */
export function useRuntimeLog(projectId: string, level: string, enabled = true): LogState<RuntimeLogLine> {
  const [state, setState] = useState<LogState<RuntimeLogLine>>({lines: [], error: null, connected: false});
  useEffect(() => {
    setState({lines: [], error: null, connected: false});
    if (!enabled) return undefined;
    const params = new URLSearchParams({follow: 'true', limit: '500'});
    if (level) params.set('level', level);
    return follow(`/projects/${enc(projectId)}/logs?${params}`, {
      onOpen: () => setState(previous => ({...previous, connected: true, error: null})),
      onMessage: message => {
        if (message.event !== 'line') return;
        try {
          const line = JSON.parse(message.data) as RuntimeLogLine;
          setState(previous => ({...previous, lines: keepTail([...previous.lines, line])}));
        } catch {
          // A line that is not JSON is not one of runtime-service's: skip it.
        }
      },
      onError: error => setState(previous => ({...previous, error, connected: false})),
    });
  }, [projectId, level, enabled]);
  return state;
}
