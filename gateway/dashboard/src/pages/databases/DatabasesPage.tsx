/** Your databases: type and version, name, state (crash loop included), disk usage of the quota, linked projects. */
import {useProjects} from '../../api/queries';
import {href} from '../../router';
import {ErrorState, Empty, Loading} from '../../ui/parts';
import {type Database, useDatabases} from './api';
import {DatabaseBadge, DiskUsage} from './parts';
import {typeName} from './format';
import './databases.css';

export function DatabasesPage() {
  const databases = useDatabases();
  return (
    <section aria-labelledby="databases-title">
      <div className="page-head">
        <h1 id="databases-title">Databases</h1>
        <a className="button" href={href('/databases/new')}>New database</a>
      </div>
      {databases.isPending ? <Loading what="Loading your databases" />
        : databases.isError ? <ErrorState error={databases.error} retry={() => databases.refetch()} />
        : databases.data.length === 0 ? (
          <Empty title="No databases yet.">
            <p>Create a managed PostgreSQL, MySQL, Redis or MongoDB database and link it to your projects.</p>
            <a className="button" href={href('/databases/new')}>New database</a>
          </Empty>
        ) : (
          <ul className="project-list">
            {databases.data.map(database => <DatabaseRow key={database.id} database={database} />)}
          </ul>
        )}
    </section>
  );
}

function DatabaseRow({database}: {database: Database}) {
  const names = useProjectNames();
  const links = database.links ?? [];
  return (
    <li className="card project-row">
      <div className="row-main">
        <a className="project-name" href={href(`/databases/${database.id}`)}>{database.name}</a>
        <DatabaseBadge state={database.state} />
      </div>
      <dl className="facts">
        <div><dt>Type</dt><dd>{typeName(database.type, database.version)}</dd></div>
        <div><dt>Disk</dt><dd><DiskUsage database={database} /></dd></div>
        <div>
          <dt>Linked projects</dt>
          <dd>{links.length === 0 ? <span className="muted">none</span>
            : links.map((link, index) => (
              <span key={link.projectId}>{index > 0 ? ', ' : ''}
                <a href={href(`/projects/${link.projectId}/databases`)}>{names.get(link.projectId) ?? 'a project'}</a>
              </span>
            ))}</dd>
        </div>
      </dl>
    </li>
  );
}

/** Project id → name, from the shared projects query (empty while it loads or when it fails). */
export function useProjectNames(): Map<string, string> {
  const projects = useProjects();
  return new Map((projects.data ?? []).map(project => [project.id ?? '', project.name ?? '']));
}
