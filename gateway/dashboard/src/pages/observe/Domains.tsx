/** Project tab Domains: the project's custom domains (runtime-service), add and remove, and where to point DNS. */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api} from '../../api/session';
import type {Domain, Project} from '../../api/types';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import './observe.css';

const LABELS = {domain: 'Domain'};
const enc = encodeURIComponent;

/** The project's own host name (from its URL), the CNAME target for a custom domain; null without a URL. */
export function projectHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

export function DomainsTab({project}: {project: Project}) {
  const id = project.id ?? '';
  const key = ['projects', id, 'domains'];
  const client = useQueryClient();
  const domains = useQuery({queryKey: key, queryFn: () => api<Domain[]>(`/projects/${enc(id)}/domains`)});
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => api<Domain>(`/projects/${enc(id)}/domains`, {method: 'POST', body: {domain: name.trim()}}),
    onSuccess: () => setName(''),
    onSettled: () => client.invalidateQueries({queryKey: key}),
  });
  const remove = useMutation({
    mutationFn: (domain: string) => api(`/projects/${enc(id)}/domains/${enc(domain)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: key}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!add.isPending && name.trim()) add.mutate();
  };
  const {summary, fields} = showProblem(add.error, LABELS);
  const host = projectHost(project.url);
  return (
    <div className="grid">
      <div className="card wide">
        <h2>Custom domains</h2>
        <ProblemMessage summary={showProblem(remove.error).summary} />
        {domains.isPending ? <Loading what="Loading domains" />
          : domains.isError ? <ErrorState error={domains.error} retry={() => domains.refetch()} />
          : !domains.data.length ? <Empty title="No custom domains yet."><p>The app answers at {host ?? 'its own address'}; add a domain of yours below.</p></Empty>
          : (
            <table className="responsive">
              <thead><tr><th>Domain</th><th>Status</th><th>Added</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {domains.data.map(d => (
                  <tr key={d.domain}>
                    <td data-label="Domain"><strong className="wrap">{d.domain}</strong></td>
                    <td data-label="Status"><span className={`badge ${d.status === 'ACTIVE' ? 'ok' : 'idle'}`}>{String(d.status ?? 'unknown').toLowerCase()}</span></td>
                    <td data-label="Added" title={absoluteTime(d.createdAt)}>{relativeTime(d.createdAt)}</td>
                    <td data-label="Actions" className="actions">
                      <button type="button" className="danger" disabled={remove.isPending}
                        onClick={() => { if (confirm(`Remove ${d.domain}? The app stops answering under it at once.`)) remove.mutate(d.domain ?? ''); }}>
                        Remove <span className="visually-hidden">{d.domain}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <h2>Add a domain</h2>
        <Field label={LABELS.domain} error={fields.domain} hint="A host name of yours, e.g. shop.example.com">
          {props => <input {...props} required inputMode="url" autoCapitalize="none" spellCheck={false} value={name}
            onChange={event => setName(event.target.value)} />}
        </Field>
        <ProblemMessage summary={summary} />
        <button type="submit" disabled={add.isPending || !name.trim()}>Add domain</button>
      </form>
      <div className="card">
        <h2>DNS</h2>
        <p>The platform routes a domain as soon as it is added. Point its DNS at this platform's machine:</p>
        <ul>
          <li>an <code>A</code> / <code>AAAA</code> record with the machine's public address, or</li>
          <li>a <code>CNAME</code> record to {host ? <code>{host}</code> : 'the project\'s own host name'} (not for an apex domain).</li>
        </ul>
        <p className="hint">The API does not check DNS: a domain shows as active once routed, whether or not its records point here yet.</p>
      </div>
    </div>
  );
}
