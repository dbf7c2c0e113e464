/** Admin: the runtime catalog (build-service): which build and run images each stack and version uses. */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api} from '../../api/session';
import type {RuntimeEntry, RuntimeRequest} from '../../api/types';
import {relativeTime, absoluteTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';

const KEY = ['admin', 'runtimes'];
const LABELS = {stack: 'Stack', version: 'Version', buildImage: 'Build image', runImage: 'Run image'};
const BLANK: RuntimeRequest = {stack: '', version: '', buildImage: '', runImage: ''};

export function RuntimesAdmin() {
  const client = useQueryClient();
  const runtimes = useQuery({queryKey: KEY, queryFn: () => api<RuntimeEntry[]>('/admin/runtimes')});
  const [editing, setEditing] = useState<RuntimeEntry | null>(null);
  const [form, setForm] = useState<RuntimeRequest>(BLANK);
  const save = useMutation({
    mutationFn: (body: RuntimeRequest) => editing
      ? api<RuntimeEntry>(`/admin/runtimes/${encodeURIComponent(editing.id ?? '')}`, {method: 'PUT', body})
      : api<RuntimeEntry>('/admin/runtimes', {method: 'POST', body}),
    onSuccess: () => { setEditing(null); setForm(BLANK); },
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/admin/runtimes/${encodeURIComponent(id)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const edit = (entry: RuntimeEntry) => {
    setEditing(entry);
    save.reset();
    setForm({stack: entry.stack ?? '', version: entry.version ?? '', buildImage: entry.buildImage ?? '', runImage: entry.runImage ?? ''});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({stack: form.stack?.trim(), version: form.version?.trim(), buildImage: form.buildImage?.trim(), runImage: form.runImage?.trim()});
  };
  const {summary, fields} = showProblem(save.error, LABELS);
  const set = (key: keyof RuntimeRequest) => (event: {target: {value: string}}) => setForm(current => ({...current, [key]: event.target.value}));
  return (
    <div className="grid">
      <div className="card wide">
        <h2>Runtime catalog</h2>
        <p className="hint">The catalog has no retired state: removing an entry is how a version is retired. The last entry of a stack cannot be removed.</p>
        <ProblemMessage summary={showProblem(remove.error).summary} />
        {runtimes.isPending ? <Loading what="Loading the runtime catalog" />
          : runtimes.isError ? <ErrorState error={runtimes.error} retry={() => runtimes.refetch()} />
          : !runtimes.data.length ? <Empty title="The catalog is empty." />
          : (
            <table className="responsive">
              <thead><tr><th>Stack</th><th>Version</th><th>Build image</th><th>Run image</th><th>Changed</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {runtimes.data.map(entry => (
                  <tr key={entry.id}>
                    <td data-label="Stack"><strong>{entry.stack}</strong></td>
                    <td data-label="Version">{entry.version}</td>
                    <td data-label="Build image" className="wrap"><code>{entry.buildImage}</code></td>
                    <td data-label="Run image" className="wrap"><code>{entry.runImage}</code></td>
                    <td data-label="Changed" title={absoluteTime(entry.updatedAt)}>{relativeTime(entry.updatedAt)}</td>
                    <td data-label="Actions" className="actions">
                      <button type="button" className="secondary" onClick={() => edit(entry)}>Edit</button>
                      <button type="button" className="danger" disabled={remove.isPending}
                        onClick={() => { if (confirm(`Remove ${entry.stack} ${entry.version} from the catalog? New builds can no longer choose it.`)) remove.mutate(entry.id ?? ''); }}>Remove</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <h2>{editing ? `Edit ${editing.stack} ${editing.version}` : 'Add a runtime'}</h2>
        <Field label={LABELS.stack} error={fields.stack} hint="For example node, python, java, go.">{props => <input {...props} value={form.stack ?? ''} onChange={set('stack')} />}</Field>
        <Field label={LABELS.version} error={fields.version} hint="For example 20 or 3.11.">{props => <input {...props} value={form.version ?? ''} onChange={set('version')} />}</Field>
        <Field label={LABELS.buildImage} error={fields.buildImage}>{props => <input {...props} value={form.buildImage ?? ''} onChange={set('buildImage')} />}</Field>
        <Field label={LABELS.runImage} error={fields.runImage}>{props => <input {...props} value={form.runImage ?? ''} onChange={set('runImage')} />}</Field>
        <ProblemMessage summary={summary} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{editing ? 'Save runtime' : 'Add runtime'}</button>
          {editing ? <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(BLANK); save.reset(); }}>Cancel</button> : null}
        </div>
      </form>
    </div>
  );
}
