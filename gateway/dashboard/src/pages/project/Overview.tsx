/** The live URL, the deploy button, and the current deployment's progress as a live stepper. */
import {useEffect, useState} from 'react';
import {useBuildLog} from '../../api/logs';
import {useDeployment} from '../../api/queries';
import type {Project} from '../../api/types';
import {ACTIVE_DEPLOYMENT} from '../../api/types';
import {absoluteTime, relativeTime, shortSha} from '../../ui/format';
import {Empty, ErrorState, ExternalLink, Loading, StatusBadge} from '../../ui/parts';
import {Stepper} from '../../ui/Stepper';
import {DeployButton} from './DeployButton';

export function OverviewTab({project}: {project: Project}) {
  const latest = useDeployment(project.latestDeploymentId);
  const deployment = latest.data;
  const active = ACTIVE_DEPLOYMENT.includes(deployment?.status ?? '');
  const log = useBuildLog(deployment?.id, project.id);
  const now = useTicker(active);

  return (
    <div className="grid">
      <div className="card">
        <h2>Live URL</h2>
        {project.url ? <p className="big-link"><ExternalLink url={project.url} /></p>
          : <p className="muted">The app gets its address once a deployment is running.</p>}
        <DeployButton projectId={project.id!} latest={deployment} />
      </div>
      <div className="card wide">
        <h2>Current deployment</h2>
        {!project.latestDeploymentId ? <Empty title="Not deployed yet.">Press Deploy to build and start the app.</Empty>
          : latest.isPending ? <Loading what="Loading the deployment" />
          : latest.isError ? <ErrorState error={latest.error} retry={() => latest.refetch()} />
          : (
            <>
              <p className="deployment-line">
                <StatusBadge status={deployment!.status} />{' '}
                <span title={absoluteTime(deployment!.createdAt)}>{relativeTime(deployment!.createdAt, now)}</span>
                {deployment!.commitSha ? <> · <code title={deployment!.commitSha}>{shortSha(deployment!.commitSha)}</code> {firstLine(deployment!.commitMessage)}</> : null}
                {deployment!.trigger ? <> · {deployment!.trigger}</> : null}
              </p>
              <Stepper deployment={deployment} marks={log.marks} now={now} />
              {deployment!.waitingFor ? <p className="hint">Queued: {deployment!.waitingFor}.</p> : null}
              {deployment!.error ? <p className="problem" role="alert">{deployment!.error}</p> : null}
            </>
          )}
      </div>
    </div>
  );
}

export function firstLine(message: string | null | undefined): string {
  return String(message ?? '').split('\n')[0];
}

/** The current time, ticking each second while something is moving (for the running step's duration). */
function useTicker(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : Date.now();
}
