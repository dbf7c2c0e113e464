/** Account: personal API tokens (list, create with the secret shown once, revoke). */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../api/problems';
import {api} from '../api/session';
import type {ApiToken, CreateApiToken, CreatedApiToken} from '../api/types';
import {href} from '../router';
import {absoluteTime, relativeTime} from '../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../ui/parts';

const LABELS = {name: 'Name', expiresInDays: 'Valid for (days)', expiresAt: 'Valid for (days)'};
const KEY = ['account', 'tokens'];

export function TokensPage() {
  const client = useQueryClient();
  const tokens = useQuery({queryKey: KEY, queryFn: () => api<ApiToken[]>('/auth/tokens')});
  const [name, setName] = useState('');
  const [days, setDays] = useState('30');
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const create = useMutation({
    mutationFn: () => api<CreatedApiToken>('/auth/tokens', {method: 'POST', body: {name: name.trim(), expiresInDays: Number(days)} satisfies CreateApiToken}),
    onSuccess: created => { setSecret(created.token ?? ''); setName(''); setCopied(''); },
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/auth/tokens/${encodeURIComponent(id)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: KEY}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      setCopied('Copied.');
    } catch {
      setCopied('Select the token and copy it by hand.');
    }
  };
  const {summary, fields} = showProblem(create.error, LABELS);
  return (
    <section aria-labelledby="tokens-title">
      <p className="crumbs"><a href={href('/account')}>Account</a> /</p>
      <h1 id="tokens-title">API tokens</h1>
      <p className="hint">For scripts and CI: send one as <code>Authorization: Bearer …</code>. They act as you.</p>
      <div className="grid">
        <div className="card wide">
          <ProblemMessage summary={showProblem(revoke.error).summary} />
          {tokens.isPending ? <Loading what="Loading your tokens" />
            : tokens.isError ? <ErrorState error={tokens.error} retry={() => tokens.refetch()} />
            : !tokens.data.length ? <Empty title="No API tokens yet." />
            : (
              <table className="responsive">
                <thead><tr><th>Name</th><th>Prefix</th><th>Created</th><th>Expires</th><th>Last used</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
                <tbody>
                  {tokens.data.map(token => (
                    <tr key={token.id}>
                      <td data-label="Name"><strong>{token.name}</strong></td>
                      <td data-label="Prefix"><code>{token.prefix}…</code></td>
                      <td data-label="Created" title={absoluteTime(token.createdAt)}>{relativeTime(token.createdAt)}</td>
                      <td data-label="Expires">{absoluteTime(token.expiresAt) || 'never'}{token.expired ? <span className="badge bad">expired</span> : null}</td>
                      <td data-label="Last used">{token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'never'}</td>
                      <td data-label="Actions" className="actions">
                        <button type="button" className="danger" disabled={revoke.isPending}
                          onClick={() => { if (confirm(`Revoke the token “${token.name}”? Scripts using it stop working at once.`)) revoke.mutate(token.id!); }}>Revoke</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
        </div>
        <form className="card" onSubmit={submit} noValidate>
          <h2>New token</h2>
          <Field label={LABELS.name} error={fields.name}>
            {props => <input {...props} required maxLength={100} value={name} onChange={event => setName(event.target.value)} />}
          </Field>
          <Field label={LABELS.expiresInDays} error={fields.expiresInDays ?? fields.expiresAt}>
            {props => (
              <select {...props} value={days} onChange={event => setDays(event.target.value)}>
                {['7', '30', '90', '365'].map(d => <option key={d} value={d}>{d} days</option>)}
              </select>
            )}
          </Field>
          <ProblemMessage summary={summary} />
          <button type="submit" disabled={create.isPending || !name.trim()}>Create token</button>
          {secret !== null ? (
            <div className="notice-inline" role="status">
              <p>Copy the token now: it is shown only once.</p>
              <Field label="Token">{props => <input {...props} readOnly value={secret} onFocus={event => event.target.select()} />}</Field>
              <div className="actions">
                <button type="button" className="secondary" onClick={copy}>Copy</button>
                <button type="button" className="secondary" onClick={() => setSecret(null)}>Done</button>
                <span>{copied}</span>
              </div>
            </div>
          ) : null}
        </form>
      </div>
    </section>
  );
}
