import {useRef} from 'react';
import {useDeploy} from '../../api/queries';
import {showProblem} from '../../api/problems';
import type {Deployment} from '../../api/types';
import {ACTIVE_DEPLOYMENT} from '../../api/types';
import {ProblemMessage} from '../../ui/parts';

/**
 * Deploys the branch's head. Disabled while a deployment of the project is moving, and guarded against a double
 * click: a second press before the first request answers does nothing.
 */
export function DeployButton({projectId, latest}: {projectId: string; latest: Deployment | undefined}) {
  const deploy = useDeploy(projectId);
  const sending = useRef(false);
  const running = ACTIVE_DEPLOYMENT.includes(latest?.status ?? '');
  const press = () => {
    if (sending.current || running) return;
    sending.current = true;
    deploy.mutate(undefined, {onSettled: () => { sending.current = false; }});
  };
  return (
    <div className="deploy">
      <button type="button" onClick={press} disabled={running || deploy.isPending} aria-describedby={running ? `deploy-${projectId}-why` : undefined}>
        {deploy.isPending ? 'Starting…' : running ? 'Deploying…' : 'Deploy'}
      </button>
      {running ? <span className="hint" id={`deploy-${projectId}-why`}>A deployment is in progress.</span> : null}
      <ProblemMessage summary={deploy.isError ? showProblem(deploy.error).summary : null} />
    </div>
  );
}
