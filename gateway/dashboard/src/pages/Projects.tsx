/** Your projects: status, stack, URL and last deployment; the empty state leads to New project. */
import {useDeployment, useProjects} from '../api/queries';
import type {Project} from '../api/types';
import {href} from '../router';
import {absoluteTime, relativeTime} from '../ui/format';
import {Empty, ErrorState, ExternalLink, Loading, StatusBadge} from '../ui/parts';

export function ProjectsPage() {
  const projects = useProjects();
  return (
    <section aria-labelledby="projects-title">
      <div className="page-head">
        <h1 id="projects-title">Projects</h1>
        <a className="button" href={href('/new')}>New project</a>
      </div>
      {projects.isPending ? <Loading what="Loading your projects" />
        : projects.isError ? <ErrorState error={projects.error} retry={() => projects.refetch()} />
        : projects.data.length === 0 ? (
          <Empty title="No projects yet.">
            <p>Deploy your first app from a Git repository or from GitHub.</p>
            <a className="button" href={href('/new')}>Create your first project</a>
          </Empty>
        ) : (
          <ul className="project-list">
            {projects.data.map(project => <ProjectRow key={project.id} project={project} />)}
          </ul>
        )}
    </section>
  );
}

function ProjectRow({project}: {project: Project}) {
  const latest = useDeployment(project.latestDeploymentId);
  const deployment = latest.data;
  return (
    <li className="card project-row">
      <div className="row-main">
        <a className="project-name" href={href(`/projects/${project.id}`)}>{project.name}</a>
        <StatusBadge status={project.status} />
      </div>
      <dl className="facts">
        <div><dt>Stack</dt><dd>{deployment?.stack ?? <span className="muted">not detected yet</span>}</dd></div>
        <div><dt>URL</dt><dd><ExternalLink url={project.url} /></dd></div>
        <div>
          <dt>Last deployment</dt>
          <dd>{!project.latestDeploymentId ? <span className="muted">never deployed</span>
            : latest.isPending ? <span className="muted">…</span>
            : deployment ? <span title={absoluteTime(deployment.createdAt)}>{relativeTime(deployment.createdAt)}
              {deployment.trigger ? `, ${deployment.trigger}` : ''}</span>
            : <span className="muted">unavailable</span>}</dd>
        </div>
        <div><dt>Branch</dt><dd>{project.branch ?? 'main'}</dd></div>
      </dl>
    </li>
  );
}
