/** Account: the GitHub connection, a way to the API tokens, and notification channels for alerts. */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {ApiError, showProblem} from '../../api/problems';
import {api} from '../../api/session';
import type {Me, NewNotificationChannel, NotificationChannel, Repository} from '../../api/types';
import {href} from '../../router';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import './observe.css';

export function AccountPage({someone}: {someone: Me}) {
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <p className="hint">Signed in as {someone.email}{someone.createdAt ? `, since ${absoluteTime(someone.createdAt)}` : ''}.</p>
      <div className="account-sections section-gap">
        <GitHubConnection />
        <div className="card">
          <h2>API tokens</h2>
          <p>Tokens let scripts and CI call the API as you.</p>
          <a className="button secondary" href={href('/account/tokens')}>Manage API tokens</a>
        </div>
        <NotificationChannels />
      </div>
    </section>
  );
}

/**
 * identity-service has no "connection" endpoint: listing the repositories tells it (409 when GitHub is not linked
 * or its token was revoked, 503 when the platform has no GitHub app).
 */
function GitHubConnection() {
  const repositories = useQuery({queryKey: ['github', 'repositories'], queryFn: () => api<Repository[]>('/github/repositories')});
  const [error, setError] = useState<unknown>(null);
  const link = async () => {
    try {
      const {authorizeUrl} = await api<{authorizeUrl?: string}>('/auth/github/authorize?format=json');
      if (!authorizeUrl || !/^https?:\/\//.test(authorizeUrl)) throw new Error('The server did not return a GitHub address.');
      window.location.assign(authorizeUrl);
    } catch (failure) {
      setError(failure);
    }
  };
  const failure = repositories.error;
  const notLinked = failure instanceof ApiError && failure.status === 409;
  return (
    <div className="card">
      <h2>GitHub</h2>
      {repositories.isPending ? <Loading what="Checking the GitHub connection" />
        : notLinked ? (
          <>
            <p>{failure.problem.relink ? 'GitHub no longer accepts the link of your account.' : 'Not connected.'} Connect it to deploy your repositories and on every push.</p>
            <button type="button" onClick={link}>{failure.problem.relink ? 'Link GitHub again' : 'Link GitHub'}</button>
          </>
        )
        : repositories.isError ? <ErrorState error={failure} retry={() => repositories.refetch()} />
        : <p><span className="badge ok">connected</span> {repositories.data.length} {repositories.data.length === 1 ? 'repository' : 'repositories'} visible to the platform.</p>}
      <ProblemMessage summary={showProblem(error).summary} />
    </div>
  );
}

const CHANNELS = ['/notification-channels'];
const LABELS = {type: 'Type', address: 'E-mail address', url: 'Webhook URL'};

export function NotificationChannels() {
  const client = useQueryClient();
  const channels = useQuery({queryKey: CHANNELS, queryFn: () => api<NotificationChannel[]>('/notification-channels')});
  const [type, setType] = useState<'email' | 'webhook'>('email');
  const [target, setTarget] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => api<NotificationChannel>('/notification-channels', {method: 'POST', body: (type === 'email'
      ? {type, address: target.trim()} : {type, url: target.trim()}) satisfies NewNotificationChannel}),
    onSuccess: created => { setTarget(''); setSecret(created.signingSecret ?? null); },
    onSettled: () => client.invalidateQueries({queryKey: CHANNELS}),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/notification-channels/${encodeURIComponent(id)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: CHANNELS}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!add.isPending && target.trim()) add.mutate();
  };
  const {summary, fields} = showProblem(add.error, LABELS);
  return (
    <div className="card">
      <h2>Notification channels</h2>
      <p className="hint">Alerts always appear under <a href={href('/alerts')}>Alerts</a>; channels also send them by e-mail or to a webhook (Slack, Discord or your own).</p>
      <ProblemMessage summary={showProblem(remove.error).summary} />
      {channels.isPending ? <Loading what="Loading your channels" />
        : channels.isError ? <ErrorState error={channels.error} retry={() => channels.refetch()} />
        : !channels.data.length ? <Empty title="No channels yet: alerts are shown here only." />
        : (
          <table className="responsive">
            <thead><tr><th>Type</th><th>Sends to</th><th>Added</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {channels.data.map(channel => (
                <tr key={channel.id}>
                  <td data-label="Type">{channel.type === 'email' ? 'E-mail' : 'Webhook'}</td>
                  <td data-label="Sends to"><code className="value">{channel.target}</code></td>
                  <td data-label="Added" title={absoluteTime(channel.createdAt)}>{relativeTime(channel.createdAt)}</td>
                  <td data-label="Actions" className="actions">
                    <button type="button" className="danger" disabled={remove.isPending}
                      onClick={() => { if (confirm(`Delete the channel to ${channel.target}? Alerts stop going there.`)) remove.mutate(channel.id ?? ''); }}>
                      Delete <span className="visually-hidden">{channel.target}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <form onSubmit={submit} noValidate className="section-gap">
        <h3>Add a channel</h3>
        <Field label={LABELS.type} error={fields.type}>
          {props => (
            <select {...props} value={type} onChange={event => { setType(event.target.value as 'email' | 'webhook'); add.reset(); }}>
              <option value="email">E-mail</option>
              <option value="webhook">Webhook</option>
            </select>
          )}
        </Field>
        {type === 'email' ? (
          <Field label={LABELS.address} error={fields.address}>
            {props => <input {...props} type="email" autoComplete="email" value={target} onChange={event => setTarget(event.target.value)} />}
          </Field>
        ) : (
          <Field label={LABELS.url} error={fields.url} hint="https://hooks.slack.com/…, a Discord webhook, or your own endpoint">
            {props => <input {...props} type="url" inputMode="url" spellCheck={false} value={target} onChange={event => setTarget(event.target.value)} />}
          </Field>
        )}
        <ProblemMessage summary={summary} />
        <button type="submit" disabled={add.isPending || !target.trim()}>Add channel</button>
        <p className="hint">The platform has no test message yet: a channel is first used by the next alert.</p>
      </form>
      {secret ? (
        <div className="notice-inline" role="status">
          <p>The webhook's signing secret, shown only once: check <code>X-Paas-Signature</code> (HMAC-SHA256 of the body) with it.</p>
          <p><code className="secret">{secret}</code></p>
          <button type="button" className="secondary" onClick={() => setSecret(null)}>Done</button>
        </div>
      ) : null}
    </div>
  );
}
