/** The deployment history: commit, trigger, who, duration, status; cancel, redeploy and roll back. */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {useState} from 'react';
import {showProblem} from '../../api/problems';
import {keys, useDeployments} from '../../api/queries';
import {api} from '../../api/session';
import type {Deployment, Project} from '../../api/types';
import {ACTIVE_DEPLOYMENT} from '../../api/types';
import {absoluteTime, between, duration, relativeTime, shortSha} from '../../ui/format';
import {Empty, ErrorState, Loading, ProblemMessage, StatusBadge} from '../../ui/parts';
import {firstLine} from './Overview';

const enc = encodeURIComponent;

export function DeploymentsTab({project}: {project: Project}) {
  const deployments = useDeployments(project.id!);
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: ({kind, deployment}: {kind: 'cancel' | 'redeploy' | 'rollback'; deployment: Deployment}) =>
      kind === 'cancel' ? api(`/deployments/${enc(deployment.id!)}/cancel`, {method: 'POST'})
        : kind === 'redeploy' ? api(`/projects/${enc(project.id!)}/deployments`, {method: 'POST', body: {commitSha: deployment.commitSha}})
        : api(`/projects/${enc(project.id!)}/rollback`, {method: 'POST', body: {deploymentId: deployment.id}}),
    onSuccess: (_result, {kind}) => setMessage(kind === 'cancel' ? 'Cancelling the deployment.'
      : kind === 'redeploy' ? 'A new deployment of that commit has started.' : 'Rolling back: the earlier image is starting as a new deployment.'),
    onSettled: () => client.invalidateQueries({queryKey: keys.project(project.id!)}),
  });

  if (deployments.isPending) return <Loading what="Loading deployments" />;
  if (deployments.isError) return <ErrorState error={deployments.error} retry={() => deployments.refetch()} />;
  if (!deployments.data.length) return <Empty title="No deployments yet.">Press Deploy on the Overview tab.</Empty>;
  const anyActive = deployments.data.some(d => ACTIVE_DEPLOYMENT.includes(d.status ?? ''));
  const live = deployments.data.find(d => d.status === 'RUNNING');

  return (
    <div>
      {message ? <p className="notice-inline" role="status">{message}</p> : null}
      <ProblemMessage summary={action.isError ? showProblem(action.error).summary : null} />
      <div className="table-wrap">
        <table className="responsive">
          <thead>
            <tr><th>Status</th><th>Commit</th><th>Trigger</th><th>Who</th><th>Started</th><th>Duration</th><th><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {deployments.data.map(deployment => {
              const active = ACTIVE_DEPLOYMENT.includes(deployment.status ?? '');
              const canRollBack = Boolean(deployment.imageTag) && deployment.status === 'REPLACED' && deployment.id !== live?.id;
              const pending = action.isPending && action.variables?.deployment.id === deployment.id;
              return (
                <tr key={deployment.id}>
                  <td data-label="Status"><StatusBadge status={deployment.status} />
                    {deployment.error ? <div className="warn">{deployment.error}</div> : null}</td>
                  <td data-label="Commit">{deployment.commitSha
                    ? <><code title={deployment.commitSha}>{shortSha(deployment.commitSha)}</code> {firstLine(deployment.commitMessage)}</>
                    : <span className="muted">—</span>}</td>
                  <td data-label="Trigger">{deployment.trigger ?? '—'}{deployment.rollbackOf && deployment.trigger !== 'rollback' ? ' (rollback)' : ''}</td>
                  <td data-label="Who">{authorName(deployment.commitAuthor)}</td>
                  <td data-label="Started"><span title={absoluteTime(deployment.createdAt)}>{relativeTime(deployment.createdAt)}</span></td>
                  <td data-label="Duration">{duration(between(deployment.createdAt, deployment.finishedAt)) || '—'}</td>
                  <td data-label="Actions" className="actions">
                    {active ? <button type="button" className="danger" disabled={pending}
                      onClick={() => action.mutate({kind: 'cancel', deployment})}>Cancel</button> : null}
                    {!active && deployment.commitSha ? <button type="button" className="secondary" disabled={pending || anyActive}
                      onClick={() => action.mutate({kind: 'redeploy', deployment})}>Redeploy</button> : null}
                    {canRollBack ? <button type="button" className="secondary" disabled={pending || anyActive}
                      onClick={() => action.mutate({kind: 'rollback', deployment})}>Roll back to this</button> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** `Name <email>` → Name. */
function authorName(author: string | null | undefined): string {
  if (!author) return '—';
  return author.replace(/\s*<[^>]*>\s*$/, '') || author;
}
