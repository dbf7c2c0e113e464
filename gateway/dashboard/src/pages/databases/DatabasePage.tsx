/**
 * One database: connection details with Copy, the password on demand, disk usage, stop and start, links to
 * projects, backups and restore, and delete by typing the name. While it is provisioning or restoring its query is
 * polled every 2 s (see useDatabase), so PROVISIONING → RUNNING shows without a reload.
 */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {useId, useState} from 'react';
import {ApiError, showProblem} from '../../api/problems';
import {api} from '../../api/session';
import {href, navigate} from '../../router';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {type Database, databaseKeys, MASK, revealSecrets, useDatabase} from './api';
import {BackupsCard} from './Backups';
import {typeName} from './format';
import {LinksCard} from './Links';
import {CopyButton, DatabaseBadge, DiskUsage} from './parts';
import './databases.css';

const enc = encodeURIComponent;

export function DatabasePage({id}: {id: string}) {
  const database = useDatabase(id);
  if (database.isPending) return <Loading what="Loading the database" />;
  if (database.isError) {
    if (database.error instanceof ApiError && database.error.status === 404) {
      return (
        <Empty title="There is no such database, or it is not yours.">
          <a className="button" href={href('/databases')}>Go to your databases</a>
        </Empty>
      );
    }
    return <ErrorState error={database.error} retry={() => database.refetch()} />;
  }
  const data = database.data;
  return (
    <section aria-labelledby="database-title">
      <p className="crumbs"><a href={href('/databases')}>Databases</a> /</p>
      <div className="page-head">
        <h1 id="database-title">{data.name}</h1>
        <DatabaseBadge state={data.state} />
        <span className="muted">{typeName(data.type, data.version)}</span>
      </div>
      <StateNote database={data} />
      <div className="grid">
        <ConnectionCard database={data} />
        <div className="card">
          <h2>Resources</h2>
          <dl className="facts">
            <div><dt>Disk</dt><dd><DiskUsage database={data} /></dd></div>
            <div><dt>Created</dt><dd title={absoluteTime(data.createdAt)}>{relativeTime(data.createdAt)}</dd></div>
          </dl>
          <PowerButtons database={data} />
        </div>
        <LinksCard database={data} />
        <BackupsCard database={data} />
        <DeleteDatabase database={data} />
      </div>
    </section>
  );
}

function StateNote({database}: {database: Database}) {
  const state = database.state;
  if (state === 'PROVISIONING') {
    return <p className="notice-inline" role="status">Provisioning: the container is starting. This page updates when it is ready.</p>;
  }
  if (state === 'RESTORING') return <p className="notice-inline" role="status">Restoring a backup: the database is back when it is done.</p>;
  if (state === 'FAILED' || state === 'CRASH_LOOP') {
    const what = state === 'FAILED' ? 'Provisioning failed.' : 'The database keeps crashing, so it is no longer restarted. Start it again when the cause is fixed.';
    return <p className="problem" role="alert">{what}{database.reason ? ` ${database.reason}` : ''}</p>;
  }
  return null;
}

interface Secrets {
  password: string;
  url: string | null;
}

/** Host, port, user, database and URL, each with Copy; the password (and the URL containing it) only on demand. */
function ConnectionCard({database}: {database: Database}) {
  const base = useId();
  const [secrets, setSecrets] = useState<Secrets | null>(null);
  const reveal = useMutation({
    mutationFn: () => revealSecrets(database.id),
    onSuccess: setSecrets,
  });
  const credentials = database.credentials;
  if (!credentials) {
    return (
      <div className="card">
        <h2>Connection</h2>
        <p className="muted">Connection details are shown to the database's owner only.</p>
      </div>
    );
  }
  const secret = async () => (secrets ?? await revealSecrets(database.id));
  const rows: {key: string; label: string; value: string | null | undefined; copy?: () => Promise<string>}[] = [
    {key: 'host', label: 'Host', value: database.host},
    {key: 'port', label: 'Port', value: database.port == null ? null : String(database.port)},
    {key: 'user', label: 'User', value: credentials.user},
    {key: 'database', label: 'Database', value: credentials.database},
    {key: 'password', label: 'Password', value: secrets ? secrets.password : MASK, copy: async () => (await secret()).password},
    {key: 'url', label: 'URL', value: secrets ? secrets.url : credentials.url, copy: async () => (await secret()).url ?? ''},
  ];
  return (
    <div className="card wide">
      <h2>Connection</h2>
      <p className="hint">Your apps reach it on your private network by this host name. Linking it to a project sets
        these as variables for you.</p>
      <dl className="db-connection">
        {rows.map(row => (
          <div key={row.key}>
            <dt id={`${base}-${row.key}`}>{row.label}</dt>
            <dd>
              {row.value ? <code className="value">{row.value}</code> : <span className="muted">not available yet</span>}
              {row.value ? <CopyButton value={row.copy ?? row.value} describedBy={`${base}-${row.key}`} /> : null}
            </dd>
          </div>
        ))}
        {database.externalAccess && database.externalPort ? (
          <div>
            <dt id={`${base}-external`}>From this machine</dt>
            <dd><code className="value">127.0.0.1:{database.externalPort}</code>
              <CopyButton value={`127.0.0.1:${database.externalPort}`} describedBy={`${base}-external`} /></dd>
          </div>
        ) : null}
      </dl>
      <ProblemMessage summary={reveal.isError ? showProblem(reveal.error).summary : null} />
      <div className="actions">
        {secrets
          ? <button type="button" className="secondary" onClick={() => setSecrets(null)}>Hide password</button>
          : <button type="button" className="secondary" disabled={reveal.isPending} onClick={() => reveal.mutate()}>Reveal password</button>}
      </div>
    </div>
  );
}

function PowerButtons({database}: {database: Database}) {
  const client = useQueryClient();
  const power = useMutation({
    mutationFn: (what: 'stop' | 'start') => api<Database>(`/databases/${enc(database.id)}/${what}`, {method: 'POST'}),
    onSettled: () => Promise.all([
      client.invalidateQueries({queryKey: databaseKeys.one(database.id), exact: true}),
      client.invalidateQueries({queryKey: databaseKeys.all, exact: true}),
    ]),
  });
  const state = database.state;
  return (
    <>
      <ProblemMessage summary={power.isError ? showProblem(power.error).summary : null} />
      <div className="actions">
        {state === 'RUNNING'
          ? <button type="button" className="danger" disabled={power.isPending} onClick={() => power.mutate('stop')}>Stop</button>
          : null}
        {state === 'STOPPED' || state === 'CRASH_LOOP'
          ? <button type="button" disabled={power.isPending} onClick={() => power.mutate('start')}>Start</button>
          : null}
      </div>
    </>
  );
}

function DeleteDatabase({database}: {database: Database}) {
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => api(`/databases/${enc(database.id)}?confirm=${enc(typed)}`, {method: 'DELETE'}),
    onSuccess: () => {
      client.removeQueries({queryKey: databaseKeys.one(database.id)});
      client.invalidateQueries({queryKey: databaseKeys.all, exact: true});
      navigate('/databases');
    },
  });
  return (
    <form className="card danger-zone" noValidate
      onSubmit={event => { event.preventDefault(); if (typed === database.name && !remove.isPending) remove.mutate(); }}>
      <h2>Delete database</h2>
      <p>This deletes {database.name} with its data and unlinks it from every project. Its backups stay until they
        expire. It cannot be undone.</p>
      <Field label={`Type ${database.name} to confirm`}>
        {props => <input {...props} value={typed} autoComplete="off" onChange={event => setTyped(event.target.value)} />}
      </Field>
      <ProblemMessage summary={showProblem(remove.error).summary} />
      <button type="submit" className="danger" disabled={typed !== database.name || remove.isPending}>Delete {database.name}</button>
    </form>
  );
}
