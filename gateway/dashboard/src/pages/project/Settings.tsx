/** Branch, auto-deploy and build overrides; health path and instances; stop and start; delete by typing the name. */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {ApiError, showProblem} from '../../api/problems';
import {keys, useRuntime} from '../../api/queries';
import {api} from '../../api/session';
import type {AppView, Project, ProjectPatch} from '../../api/types';
import {navigate} from '../../router';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';

const enc = encodeURIComponent;
const BUILD_LABELS = {
  branch: 'Branch', autoDeploy: 'Deploy on every push', rootDirectory: 'Root directory', installCommand: 'Install command',
  buildCommand: 'Build command', startCommand: 'Start command', port: 'Port',
};
const RUNTIME_LABELS = {healthPath: 'Health check path', instances: 'Instances'};

export function SettingsTab({project}: {project: Project}) {
  return (
    <div className="grid">
      <BuildSettings project={project} />
      <RuntimeSettings project={project} />
      <DeleteProject project={project} />
    </div>
  );
}

function BuildSettings({project}: {project: Project}) {
  const client = useQueryClient();
  const [form, setForm] = useState({
    branch: project.branch ?? '', autoDeploy: Boolean(project.autoDeploy), rootDirectory: project.rootDirectory ?? '',
    installCommand: project.installCommand ?? '', buildCommand: project.buildCommand ?? '',
    startCommand: project.startCommand ?? '', port: project.port == null ? '' : String(project.port),
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const text = (value: string) => (value.trim() ? value.trim() : null);
      const body: Record<keyof ProjectPatch, unknown> = {
        branch: form.branch.trim() || undefined, autoDeploy: form.autoDeploy, rootDirectory: text(form.rootDirectory),
        installCommand: text(form.installCommand), buildCommand: text(form.buildCommand), startCommand: text(form.startCommand),
        port: form.port.trim() ? Number(form.port) : null, dockerfilePath: undefined,
      };
      return api<Project>(`/projects/${enc(project.id!)}`, {method: 'PATCH', body});
    },
    onSuccess: () => setSaved(true),
    onSettled: () => client.invalidateQueries({queryKey: keys.project(project.id!)}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!save.isPending) save.mutate();
  };
  const set = (key: keyof typeof form) => (value: string | boolean) => { setForm({...form, [key]: value}); setSaved(false); };
  const {summary, fields} = showProblem(save.error, BUILD_LABELS);
  const input = (key: 'branch' | 'rootDirectory' | 'installCommand' | 'buildCommand' | 'startCommand' | 'port', hint?: string) => (
    <Field label={BUILD_LABELS[key]} error={fields[key]} hint={hint}>
      {props => <input {...props} value={form[key]} inputMode={key === 'port' ? 'numeric' : undefined}
        onChange={event => set(key)(event.target.value)} />}
    </Field>
  );
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Source and build</h2>
      {input('branch')}
      <label className="check"><input type="checkbox" checked={form.autoDeploy} onChange={event => set('autoDeploy')(event.target.checked)} />
        {' '}{BUILD_LABELS.autoDeploy}</label>
      {fields.autoDeploy ? <p className="field-error">{fields.autoDeploy}</p> : null}
      {!project.githubRepository ? <p className="hint">Pushes reach the platform only for projects created from GitHub.</p>
        : <p className={project.webhook?.status === 'FAILED' ? 'warn' : 'hint'}>
          Push webhook on {project.githubRepository}: {String(project.webhook?.status ?? 'none').toLowerCase()}
          {project.webhook?.error ? ` (${project.webhook.error})` : ''}</p>}
      {input('rootDirectory', 'Empty: the repository root.')}
      {input('installCommand', 'Empty: detected from the stack.')}
      {input('buildCommand', 'Empty: detected from the stack.')}
      {input('startCommand', 'Empty: detected from the stack.')}
      {input('port', 'Empty: detected from the stack.')}
      <ProblemMessage summary={summary} />
      {saved ? <p className="notice-inline" role="status">Saved: the next deployment uses these settings.</p> : null}
      <button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save settings'}</button>
    </form>
  );
}

function RuntimeSettings({project}: {project: Project}) {
  const runtime = useRuntime(project.id!);
  if (runtime.isPending) return <div className="card"><h2>Running</h2><Loading what="Loading the app's state" /></div>;
  if (runtime.isError) {
    return (
      <div className="card">
        <h2>Running</h2>
        {runtime.error instanceof ApiError && runtime.error.status === 404
          ? <Empty title="The app has not run yet.">Health check, instances, stop and start appear after its first deployment.</Empty>
          : <ErrorState error={runtime.error} retry={() => runtime.refetch()} />}
      </div>
    );
  }
  return <RuntimeForm key={runtime.dataUpdatedAt} project={project} app={runtime.data} />;
}

function RuntimeForm({project, app}: {project: Project; app: AppView}) {
  const client = useQueryClient();
  const id = project.id!;
  const [healthPath, setHealthPath] = useState(app.healthPath ?? '');
  const [instances, setInstances] = useState(String(app.instances ?? 1));
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => {
    client.invalidateQueries({queryKey: keys.runtime(id)});
    client.invalidateQueries({queryKey: keys.project(id), exact: true});
  };
  const save = useMutation({
    mutationFn: async () => {
      if (healthPath !== (app.healthPath ?? '')) {
        await api(`/projects/${enc(id)}/runtime`, {method: 'PATCH', body: {healthPath: healthPath.trim() || null}});
      }
      if (Number(instances) !== app.instances) {
        await api(`/projects/${enc(id)}/scale`, {method: 'POST', body: {instances: Number(instances)}});
      }
    },
    onSuccess: () => setMessage('Saved.'),
    onSettled: refresh,
  });
  const power = useMutation({
    mutationFn: (what: 'stop' | 'start') => api(`/projects/${enc(id)}/${what}`, {method: 'POST'}),
    onSuccess: (_r, what) => setMessage(what === 'stop' ? 'The app is stopping.' : 'The app is starting.'),
    onSettled: refresh,
  });
  const stopped = String(app.desired ?? app.state ?? '').toUpperCase() === 'STOPPED';
  const {summary, fields} = showProblem(save.error, RUNTIME_LABELS);
  return (
    <form className="card" noValidate onSubmit={event => { event.preventDefault(); setMessage(null); if (!save.isPending) save.mutate(); }}>
      <h2>Running</h2>
      <p>State: <strong>{String(app.state ?? 'unknown').toLowerCase().replaceAll('_', ' ')}</strong>
        {app.reason ? <span className="muted"> ({app.reason})</span> : null}</p>
      <Field label={RUNTIME_LABELS.healthPath} error={fields.healthPath} hint="A path that answers 2xx when the app is up, e.g. /health.">
        {props => <input {...props} value={healthPath} placeholder="/" onChange={event => setHealthPath(event.target.value)} />}
      </Field>
      <Field label={RUNTIME_LABELS.instances} error={fields.instances}>
        {props => <input {...props} type="number" min={1} max={10} value={instances} onChange={event => setInstances(event.target.value)} />}
      </Field>
      <ProblemMessage summary={summary ?? (power.isError ? showProblem(power.error).summary : null)} />
      {message ? <p className="notice-inline" role="status">{message}</p> : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Save</button>
        {stopped
          ? <button type="button" className="secondary" disabled={power.isPending} onClick={() => power.mutate('start')}>Start</button>
          : <button type="button" className="danger" disabled={power.isPending} onClick={() => power.mutate('stop')}>Stop</button>}
      </div>
    </form>
  );
}

function DeleteProject({project}: {project: Project}) {
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => api(`/projects/${enc(project.id!)}`, {method: 'DELETE'}),
    onSuccess: () => {
      client.removeQueries({queryKey: keys.project(project.id!)});
      client.invalidateQueries({queryKey: keys.projects});
      navigate('/projects');
    },
  });
  return (
    <form className="card danger-zone" noValidate onSubmit={event => { event.preventDefault(); if (typed === project.name && !remove.isPending) remove.mutate(); }}>
      <h2>Delete project</h2>
      <p>This stops the app and deletes the project with its deployments, variables and logs. It cannot be undone.</p>
      <Field label={`Type ${project.name} to confirm`}>
        {props => <input {...props} value={typed} autoComplete="off" onChange={event => setTyped(event.target.value)} />}
      </Field>
      <ProblemMessage summary={showProblem(remove.error).summary} />
      <button type="submit" className="danger" disabled={typed !== project.name || remove.isPending}>Delete {project.name}</button>
    </form>
  );
}
