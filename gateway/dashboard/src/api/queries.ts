/** The one client cache: TanStack Query, with a key per resource so a change invalidates exactly what it touched. */
import {QueryClient, useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {isLive} from './changes';
import {ApiError} from './problems';
import {api} from './session';
import type {AppView, Deployment, EnvSuggestion, Project, Variables} from './types';
import {ACTIVE_DEPLOYMENT} from './types';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        // A 4xx does not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: {retry: false},
    },
  });
}

const enc = encodeURIComponent;

export const keys = {
  projects: ['projects'] as const,
  project: (id: string) => ['projects', id] as const,
  deployments: (id: string) => ['projects', id, 'deployments'] as const,
  deployment: (id: string) => ['deployments', id] as const,
  runtime: (id: string) => ['projects', id, 'runtime'] as const,
  env: (id: string) => ['projects', id, 'env'] as const,
  suggestions: (id: string) => ['projects', id, 'suggestions'] as const,
};

/**
 * Statuses arrive live through the changes stream (see changes.ts). Only while that stream is down does a moving
 * deployment fall back to this slow poll.
 */
const whileActive = (active: boolean) => (active && !isLive() ? 15_000 : false);

export function useProjects() {
  return useQuery({
    queryKey: keys.projects,
    queryFn: () => api<Project[]>('/projects'),
    refetchInterval: query => whileActive((query.state.data ?? []).some(p => ACTIVE_DEPLOYMENT.includes(p.status ?? ''))),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: keys.project(id),
    queryFn: () => api<Project>(`/projects/${enc(id)}`),
    refetchInterval: query => whileActive(ACTIVE_DEPLOYMENT.includes(query.state.data?.status ?? '')),
  });
}

export function useDeployments(projectId: string) {
  return useQuery({
    queryKey: keys.deployments(projectId),
    queryFn: async () => {
      const list = await api<Deployment[]>(`/projects/${enc(projectId)}/deployments`);
      return [...list].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    },
    refetchInterval: query => whileActive((query.state.data ?? []).some(d => ACTIVE_DEPLOYMENT.includes(d.status ?? ''))),
  });
}

export function useDeployment(id: string | undefined) {
  return useQuery({
    queryKey: keys.deployment(id ?? ''),
    queryFn: () => api<Deployment>(`/deployments/${enc(id ?? '')}`),
    enabled: Boolean(id),
    refetchInterval: query => whileActive(ACTIVE_DEPLOYMENT.includes(query.state.data?.status ?? '')),
  });
}

export function useRuntime(projectId: string) {
  return useQuery({
    queryKey: keys.runtime(projectId),
    queryFn: () => api<AppView>(`/projects/${enc(projectId)}/runtime`),
  });
}

export function useVariables(projectId: string) {
  return useQuery({
    queryKey: keys.env(projectId),
    queryFn: () => api<Variables>(`/projects/${enc(projectId)}/env`),
  });
}

export function useSuggestions(projectId: string) {
  return useQuery({
    queryKey: keys.suggestions(projectId),
    queryFn: () => api<EnvSuggestion[]>(`/projects/${enc(projectId)}/env/suggestions`),
  });
}

/** Starts a deployment of the project (optionally of one commit); refreshes the project's views. */
export function useDeploy(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commitSha?: string) => api<Deployment>(`/projects/${enc(projectId)}/deployments`,
      {method: 'POST', body: commitSha ? {commitSha} : undefined}),
    onSettled: () => client.invalidateQueries({queryKey: keys.project(projectId)}),
  });
}
