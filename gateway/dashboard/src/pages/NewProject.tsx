/**
 * New project: a pasted git URL, or a GitHub repository and branch; overrides (root directory, build and start
 * commands); then deploy. The project is created (POST /projects), the overrides set (PATCH), and a deployment
 * requested; each step's field errors show next to their fields.
 */
import {useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useMemo, useState} from 'react';
import {ApiError, showProblem} from '../api/problems';
import {keys} from '../api/queries';
import {api} from '../api/session';
import type {Branch, CreateProject, Project, ProjectPatch, Repository} from '../api/types';
import {navigate} from '../router';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../ui/parts';

const LABELS = {
  name: 'Project name', repoUrl: 'Repository URL', branch: 'Branch', githubRepository: 'GitHub repository',
  rootDirectory: 'Root directory', buildCommand: 'Build command', startCommand: 'Start command',
};
const SHOWN_AT_ONCE = 50;
/** Set before leaving for GitHub to link the account, so the repository picker opens again on the way back. */
export const AFTER_LINK_KEY = 'paas.afterGithubLink';

export function NewProjectPage() {
  const client = useQueryClient();
  const [source, setSource] = useState<'url' | 'github'>(() => (window.location.hash.endsWith('?github') ? 'github' : 'url'));
  const [name, setName] = useState('');
  const [repoUrl, setRepoUrl] = useState('');
  const [branch, setBranch] = useState('');
  const [repository, setRepository] = useState<Repository | null>(null);
  const [rootDirectory, setRootDirectory] = useState('');
  const [buildCommand, setBuildCommand] = useState('');
  const [startCommand, setStartCommand] = useState('');
  const [deployNow, setDeployNow] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: CreateProject = source === 'github' && repository
        ? {name: name.trim(), repoUrl: repository.cloneUrl ?? '', branch: branch || undefined,
          githubRepository: repository.fullName, autoDeploy: true}
        : {name: name.trim(), repoUrl: repoUrl.trim(), branch: branch.trim() || undefined};
      const project = await api<Project>('/projects', {method: 'POST', body});
      const overrides: ProjectPatch = {};
      if (rootDirectory.trim()) overrides.rootDirectory = rootDirectory.trim();
      if (buildCommand.trim()) overrides.buildCommand = buildCommand.trim();
      if (startCommand.trim()) overrides.startCommand = startCommand.trim();
      client.invalidateQueries({queryKey: keys.projects});
      try {
        if (Object.keys(overrides).length) {
          await api(`/projects/${encodeURIComponent(project.id!)}`, {method: 'PATCH', body: overrides});
        }
        if (deployNow) await api(`/projects/${encodeURIComponent(project.id!)}/deployments`, {method: 'POST'});
      } catch (failure) {
        // The project exists: go to its settings, where the same error can be corrected.
        navigate(`/projects/${project.id}/settings`);
        throw failure;
      }
      navigate(`/projects/${project.id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const {summary, fields} = showProblem(error, LABELS);
  return (
    <section aria-labelledby="new-title" className="narrow">
      <h1 id="new-title">New project</h1>
      <form onSubmit={submit} noValidate className="card">
        <fieldset className="choice">
          <legend>Where is the code?</legend>
          <label className="check"><input type="radio" name="source" checked={source === 'url'}
            onChange={() => setSource('url')} /> A git URL</label>
          <label className="check"><input type="radio" name="source" checked={source === 'github'}
            onChange={() => setSource('github')} /> One of my GitHub repositories</label>
        </fieldset>

        {source === 'url' ? (
          <>
            <Field label={LABELS.repoUrl} error={fields.repoUrl} hint="A public https:// git address, e.g. https://github.com/owner/app.git">
              {props => <input {...props} type="url" required maxLength={500} value={repoUrl} placeholder="https://…"
                onChange={event => {
                  setRepoUrl(event.target.value);
                  if (!name) setName(guessName(event.target.value));
                }} />}
            </Field>
            <Field label={LABELS.branch} error={fields.branch} hint="Leave empty for main.">
              {props => <input {...props} maxLength={200} value={branch} onChange={event => setBranch(event.target.value)} />}
            </Field>
          </>
        ) : (
          <GitHubPicker repository={repository} branch={branch} error={fields.githubRepository ?? fields.repoUrl}
            onRepository={repo => { setRepository(repo); setName(repo?.name ?? ''); setBranch(repo?.defaultBranch ?? ''); }}
            onBranch={setBranch} branchError={fields.branch} />
        )}

        <Field label={LABELS.name} error={fields.name}>
          {props => <input {...props} required maxLength={100} value={name} onChange={event => setName(event.target.value)} />}
        </Field>

        <details className="overrides">
          <summary>Overrides (optional)</summary>
          <p className="hint">The stack is detected from the repository; set these only to change what detection chooses.</p>
          <Field label={LABELS.rootDirectory} error={fields.rootDirectory} hint="The app's folder inside the repository.">
            {props => <input {...props} value={rootDirectory} placeholder="apps/web" onChange={event => setRootDirectory(event.target.value)} />}
          </Field>
          <Field label={LABELS.buildCommand} error={fields.buildCommand}>
            {props => <input {...props} value={buildCommand} placeholder="npm run build" onChange={event => setBuildCommand(event.target.value)} />}
          </Field>
          <Field label={LABELS.startCommand} error={fields.startCommand}>
            {props => <input {...props} value={startCommand} placeholder="npm start" onChange={event => setStartCommand(event.target.value)} />}
          </Field>
        </details>
        <p className="hint">Variables can be set on the project's Variables tab, with the suggestions detected for its stack.</p>

        <label className="check"><input type="checkbox" checked={deployNow} onChange={event => setDeployNow(event.target.checked)} /> Deploy now</label>
        <ProblemMessage summary={summary} />
        <div className="actions">
          <button type="submit" disabled={busy || (source === 'github' && !repository)}>
            {busy ? 'Creating…' : deployNow ? 'Create and deploy' : 'Create project'}
          </button>
          <a className="button secondary" href="#/projects">Cancel</a>
        </div>
      </form>
    </section>
  );
}

function guessName(url: string): string {
  const last = url.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  return last.replace(/\.git$/, '').replace(/[^a-zA-Z0-9-]+/g, '-').slice(0, 100);
}

interface PickerProps {
  repository: Repository | null;
  branch: string;
  error?: string;
  branchError?: string;
  onRepository: (repository: Repository | null) => void;
  onBranch: (branch: string) => void;
}

function GitHubPicker({repository, branch, error, branchError, onRepository, onBranch}: PickerProps) {
  const [search, setSearch] = useState('');
  const repositories = useQuery({
    queryKey: ['github', 'repositories'],
    queryFn: () => api<Repository[]>('/github/repositories'),
  });
  const [owner, repo] = (repository?.fullName ?? '/').split('/');
  const branches = useQuery({
    queryKey: ['github', 'branches', repository?.fullName],
    queryFn: () => api<Branch[]>(`/github/repositories/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/branches`),
    enabled: Boolean(repository),
  });
  const matches = useMemo(() => {
    const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
    return (repositories.data ?? []).filter(r => terms.every(term => (r.fullName ?? '').toLowerCase().includes(term)));
  }, [repositories.data, search]);

  if (repositories.isPending) return <Loading what="Loading your GitHub repositories" />;
  if (repositories.isError) {
    if (repositories.error instanceof ApiError && repositories.error.status === 409) return <LinkGitHub />;
    return <ErrorState error={repositories.error} retry={() => repositories.refetch()} />;
  }
  if (repository) {
    return (
      <div className="picked">
        <p>Repository <strong>{repository.fullName}</strong>{' '}
          <button type="button" className="link" onClick={() => onRepository(null)}>Choose another</button></p>
        {error ? <p className="field-error">{error}</p> : null}
        {branches.isPending ? <Loading what="Loading branches" />
          : branches.isError ? <ErrorState error={branches.error} retry={() => branches.refetch()} />
          : branches.data.length === 0 ? <Empty title="This repository has no branches yet: push one first." />
          : (
            <Field label="Branch" error={branchError}>
              {props => (
                <select {...props} value={branch} onChange={event => onBranch(event.target.value)}>
                  {branches.data.map(b => <option key={b.name} value={b.name}>{b.name}</option>)}
                </select>
              )}
            </Field>
          )}
      </div>
    );
  }
  if (!repositories.data.length) return <Empty title="No repositories found on your GitHub account." />;
  return (
    <div className="picker">
      <Field label="Search your repositories">
        {props => <input {...props} type="search" value={search} onChange={event => setSearch(event.target.value)} />}
      </Field>
      <ul className="repo-list">
        {matches.slice(0, SHOWN_AT_ONCE).map(r => (
          <li key={r.fullName}>
            <button type="button" className="pick" onClick={() => onRepository(r)}>
              <strong>{r.fullName}</strong>{r.private ? <span className="badge idle">private</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{matches.length > SHOWN_AT_ONCE ? `Showing ${SHOWN_AT_ONCE} of ${matches.length}: type to narrow the list.`
        : `${matches.length} of ${repositories.data.length} repositories.`}</p>
    </div>
  );
}

/** Links GitHub to this account (the authorize endpoint links instead of signing in when it gets a bearer token). */
function LinkGitHub() {
  const [error, setError] = useState<unknown>(null);
  const link = async () => {
    try {
      // Hand-written: the endpoint answers a redirect or a Map, so the document has no schema for it (`type: object`).
      const {authorizeUrl} = await api<{authorizeUrl?: string}>('/auth/github/authorize?format=json');
      if (!authorizeUrl || !/^https?:\/\//.test(authorizeUrl)) throw new Error('The server did not return a GitHub address.');
      sessionStorage.setItem(AFTER_LINK_KEY, '1');
      window.location.assign(authorizeUrl);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Empty title="Your account is not linked to GitHub yet.">
      <button type="button" onClick={link}>Link GitHub</button>
      <ProblemMessage summary={showProblem(error).summary} />
    </Empty>
  );
}
