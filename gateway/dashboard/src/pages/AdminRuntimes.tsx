/** Admin: the runtimes catalog (build-service): which build and run images each stack and version uses. */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../api/problems';
import {api} from '../api/session';
import type {RuntimeEntry, RuntimeRequest} from '../api/types';
import {absoluteTime, relativeTime} from '../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../ui/parts';

const KEY = ['admin', 'runtimes'];
const LABELS = {stack: 'Stack', version: 'Version', buildImage: 'Build image', runImage: 'Run image'};
const EMPTY: Required<RuntimeRequest> = {stack: '', version: '', buildImage: '', runImage: ''};

export function AdminRuntimes() {
  const client = useQueryClient();
  const runtimes = useQuery({queryKey: KEY, queryFn: () => api<RuntimeEntry[]>('/admin/runtimes')});
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<Required<RuntimeRequest>>(EMPTY);
  const save = useMutation({
    mutationFn: () => editing
      ? api(`/admin/runtimes/${encodeURIComponent(editing)}`, {method: 'PUT', body: form})
      : api('/admin/runtimes', {method: 'POST', body: form}),
    onSuccess: () => { setEditing(null); setForm(EMPTY); },
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/admin/runtimes/${encodeURIComponent(id)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const {summary, fields} = showProblem(save.error, LABELS);
  const input = (key: keyof typeof LABELS, placeholder: string) => (
    <Field label={LABELS[key]} error={fields[key]}>
      {props => <input {...props} value={form[key]} placeholder={placeholder} spellCheck={false}
        onChange={event => setForm({...form, [key]: event.target.value})} />}
    </Field>
  );
  return (
    <div className="grid">
      <div className="card wide">
        <h2>Runtimes</h2>
        <ProblemMessage summary={showProblem(remove.error).summary} />
        {runtimes.isPending ? <Loading what="Loading the runtimes catalog" />
          : runtimes.isError ? <ErrorState error={runtimes.error} retry={() => runtimes.refetch()} />
          : !runtimes.data.length ? <Empty title="The catalog is empty.">Add a stack and version below.</Empty>
          : (
            <table className="responsive">
              <thead><tr><th>Stack</th><th>Version</th><th>Build image</th><th>Run image</th><th>Changed</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {runtimes.data.map(entry => (
                  <tr key={entry.id}>
                    <td data-label="Stack">{entry.stack}</td>
                    <td data-label="Version">{entry.version}</td>
                    <td data-label="Build image" className="wrap"><code>{entry.buildImage}</code></td>
                    <td data-label="Run image" className="wrap"><code>{entry.runImage}</code></td>
                    <td data-label="Changed" title={absoluteTime(entry.updatedAt ?? entry.createdAt)}>{relativeTime(entry.updatedAt ?? entry.createdAt)}</td>
                    <td data-label="Actions" className="actions">
                      <button type="button" className="secondary" onClick={() => {
                        setEditing(entry.id ?? null);
                        setForm({stack: entry.stack ?? '', version: entry.version ?? '', buildImage: entry.buildImage ?? '', runImage: entry.runImage ?? ''});
                      }}>Change</button>
                      <button type="button" className="danger" disabled={remove.isPending}
                        onClick={() => { if (confirm(`Remove ${entry.stack} ${entry.version} from the catalog?`)) remove.mutate(entry.id!); }}>Remove</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <h2>{editing ? 'Change a runtime' : 'Add a runtime'}</h2>
        {input('stack', 'node')}
        {input('version', '22')}
        {input('buildImage', 'node:22-bookworm')}
        {input('runImage', 'node:22-bookworm-slim')}
        <ProblemMessage summary={summary} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{editing ? 'Save' : 'Add runtime'}</button>
          {editing ? <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(EMPTY); }}>Cancel</button> : null}
        </div>
      </form>
    </div>
  );
}
