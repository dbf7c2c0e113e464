/** The projects a database is linked to (each receives its variables), with Link and Unlink. */
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {useProjects} from '../../api/queries';
import {href} from '../../router';
import {ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {type Database, SETTLED_DATABASE, useLinking} from './api';

export function LinksCard({database}: {database: Database}) {
  const projects = useProjects();
  const linking = useLinking();
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const links = database.links ?? [];
  const linked = new Set(links.map(link => link.projectId));
  const names = new Map((projects.data ?? []).map(project => [project.id ?? '', project.name ?? '']));
  const candidates = (projects.data ?? []).filter(project => project.id && !linked.has(project.id));
  const selected = candidates.some(project => project.id === chosen) ? chosen : candidates[0]?.id ?? '';
  // A database still provisioning or failed cannot be linked (the API answers 409): wait until it has settled.
  const linkable = SETTLED_DATABASE.includes(database.state) && database.state !== 'FAILED';

  const act = (projectId: string, link: boolean) => {
    setMessage(null);
    linking.mutate({projectId, databaseId: database.id, link}, {
      onSuccess: () => setMessage(link
        ? `Linked to ${names.get(projectId) ?? 'the project'}: its variables arrive with its next deployment or restart.`
        : `Unlinked from ${names.get(projectId) ?? 'the project'}: its variables go with its next deployment or restart.`),
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (linkable && selected && !linking.isPending) act(selected, true);
  };

  return (
    <div className="card">
      <h2>Linked projects</h2>
      {links.length === 0 ? <p className="muted">Not linked to any project.</p> : (
        <ul className="db-links">
          {links.map(link => (
            <li key={link.projectId}>
              <a href={href(`/projects/${link.projectId}/databases`)}>{names.get(link.projectId) ?? 'A project'}</a>
              <span className="muted"> {link.prefix}_URL, …</span>
              <button type="button" className="secondary" disabled={linking.isPending} onClick={() => act(link.projectId, false)}>Unlink</button>
            </li>
          ))}
        </ul>
      )}
      {projects.isPending ? <Loading what="Loading your projects" />
        : projects.isError ? <ErrorState error={projects.error} retry={() => projects.refetch()} />
        : (
          <form className="db-link-form" onSubmit={submit} noValidate>
            <Field label="Project" hint={!linkable ? `It can be linked once it is running (it is ${database.state.toLowerCase()}).`
              : candidates.length ? undefined : (projects.data.length
                ? 'All your projects are linked to it.' : 'You have no projects yet.')}>
              {props => (
                <select {...props} value={selected} disabled={!candidates.length} onChange={event => setChosen(event.target.value)}>
                  {candidates.map(project => <option key={project.id} value={project.id}>{project.name}</option>)}
                </select>
              )}
            </Field>
            <button type="submit" disabled={!linkable || !selected || linking.isPending}>Link</button>
          </form>
        )}
      <ProblemMessage summary={linking.isError ? showProblem(linking.error).summary : null} />
      {message ? <p className="notice-inline" role="status">{message}</p> : null}
    </div>
  );
}
