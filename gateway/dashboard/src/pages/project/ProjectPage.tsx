/** One project: header with status and URL, and its tabs. A tab is part of the URL (#/projects/<id>/<tab>). */
import {useProject} from '../../api/queries';
import {ProjectDatabasesTab} from '../databases/ProjectDatabases';
import {href} from '../../router';
import {ErrorState, ExternalLink, Loading, StatusBadge} from '../../ui/parts';
import {DeploymentsTab} from './Deployments';
import {LogsTab} from './Logs';
import {OverviewTab} from './Overview';
import {SettingsTab} from './Settings';
import {VariablesTab} from './Variables';
import {DomainsTab} from '../observe/Domains';
import {MetricsTab} from '../observe/Metrics';

export const TABS = [
  {key: 'overview', label: 'Overview'},
  {key: 'deployments', label: 'Deployments'},
  {key: 'logs', label: 'Logs'},
  {key: 'variables', label: 'Variables'},
  {key: 'metrics', label: 'Metrics'},
  {key: 'domains', label: 'Domains'},
  {key: 'databases', label: 'Databases'},
  {key: 'settings', label: 'Settings'},
] as const;

export function ProjectPage({id, tab}: {id: string; tab: string}) {
  const project = useProject(id);
  if (project.isPending) return <Loading what="Loading the project" />;
  if (project.isError) return <ErrorState error={project.error} retry={() => project.refetch()} />;
  const data = project.data;
  const current = TABS.find(t => t.key === tab) ?? TABS[0];
  return (
    <section aria-labelledby="project-title">
      <p className="crumbs"><a href={href('/projects')}>Projects</a> /</p>
      <div className="page-head">
        <h1 id="project-title">{data.name}</h1>
        <StatusBadge status={data.status} />
        <span className="grow" />
        <ExternalLink url={data.url} />
      </div>
      <nav className="tabbar" aria-label="Project">
        {TABS.map(t => (
          <a key={t.key} href={href(`/projects/${id}/${t.key}`)} aria-current={t.key === current.key ? 'page' : undefined}>{t.label}</a>
        ))}
      </nav>
      {/* Keyed by project: nothing of one project's tab (its log above all) survives into another's. */}
      <div key={`${id}-${current.key}`} className="tab-panel">
        {current.key === 'overview' ? <OverviewTab project={data} />
          : current.key === 'deployments' ? <DeploymentsTab project={data} />
          : current.key === 'logs' ? <LogsTab project={data} />
          : current.key === 'variables' ? <VariablesTab project={data} />
          : current.key === 'metrics' ? <MetricsTab project={data} />
          : current.key === 'domains' ? <DomainsTab project={data} />
          : current.key === 'databases' ? <ProjectDatabasesTab project={data} />
          : <SettingsTab project={data} />}
      </div>
    </section>
  );
}
