/** The project's Databases tab: the databases linked to it, Unlink, and linking one of yours from here. */
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import type {Project} from '../../api/types';
import {href} from '../../router';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {SETTLED_DATABASE, useDatabases, useLinking, useProjectLinks} from './api';
import {typeName} from './format';
import './databases.css';

export function ProjectDatabasesTab({project}: {project: Project}) {
  const projectId = project.id!;
  const links = useProjectLinks(projectId);
  const databases = useDatabases();
  const linking = useLinking();
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  if (links.isPending) return <Loading what="Loading linked databases" />;
  if (links.isError) return <ErrorState error={links.error} retry={() => links.refetch()} />;
  const linked = new Set(links.data.map(link => link.databaseId));
  // A database still provisioning or failed cannot be linked (409): offer only those that can.
  const candidates = (databases.data ?? []).filter(database => !linked.has(database.id)
    && SETTLED_DATABASE.includes(database.state) && database.state !== 'FAILED');
  const selected = candidates.some(database => database.id === chosen) ? chosen : candidates[0]?.id ?? '';
  const act = (databaseId: string, name: string, link: boolean) => {
    setMessage(null);
    linking.mutate({projectId, databaseId, link}, {
      onSuccess: () => setMessage(link
        ? `${name} is linked: its variables arrive with the next deployment or restart.`
        : `${name} is unlinked: its variables go with the next deployment or restart.`),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const database = candidates.find(d => d.id === selected);
    if (database && !linking.isPending) act(database.id, database.name, true);
  };

  return (
    <div className="grid">
      <div className="card wide">
        <h2>Linked databases</h2>
        {links.data.length === 0 ? (
          <Empty title="No databases linked to this project.">
            <p>A linked database gives the app its connection as variables (DATABASE_URL and the like).</p>
          </Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Database</th><th scope="col">Type</th><th scope="col">Variables</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {links.data.map(link => (
                  <tr key={link.databaseId}>
                    <td><a href={href(`/databases/${link.databaseId}`)}>{link.databaseName}</a></td>
                    <td>{typeName(link.type)}</td>
                    <td>{(link.variableNames ?? []).map(name => <code key={name} className="db-variable">{name}</code>)}</td>
                    <td className="actions">
                      <button type="button" className="secondary" disabled={linking.isPending}
                        onClick={() => act(link.databaseId, link.databaseName, false)}>Unlink</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="card">
        <h2>Link a database</h2>
        {databases.isPending ? <Loading what="Loading your databases" />
          : databases.isError ? <ErrorState error={databases.error} retry={() => databases.refetch()} />
          : databases.data.length === 0 ? (
            <Empty title="You have no databases yet.">
              <a className="button" href={href('/databases/new')}>New database</a>
            </Empty>
          ) : (
            <form className="db-link-form" onSubmit={submit} noValidate>
              <Field label="Database" hint={candidates.length ? undefined : 'None of your databases can be linked: they are linked already, or not ready.'}>
                {props => (
                  <select {...props} value={selected} disabled={!candidates.length} onChange={event => setChosen(event.target.value)}>
                    {candidates.map(database => (
                      <option key={database.id} value={database.id}>{database.name} ({typeName(database.type)})</option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" disabled={!selected || linking.isPending}>Link</button>
            </form>
          )}
        <ProblemMessage summary={linking.isError ? showProblem(linking.error).summary : null} />
        {message ? <p className="notice-inline" role="status">{message}</p> : null}
      </div>
    </div>
  );
}
