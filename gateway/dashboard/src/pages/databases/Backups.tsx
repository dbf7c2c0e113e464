/**
 * A database's backups: when, size, kind and status; Create backup; Download (fetched with the session's token and
 * saved as a file); Restore after a confirmation that says what is replaced and asks for the database's name; then
 * the restore's progress, polled until it completes or fails.
 */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useEffect, useRef, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api} from '../../api/session';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {
  type Backup, type Database, databaseKeys, downloadBackup, FINISHED_RESTORE, type Restore, type RestoreRequest, useBackups,
  useRestore,
} from './api';
import {backupKind, backupTone, bytes, databaseTone, restoreStep, restoreWarning} from './format';

const enc = encodeURIComponent;

export function BackupsCard({database}: {database: Database}) {
  const client = useQueryClient();
  const backups = useBackups(database.id);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [restoreId, setRestoreId] = useState<string | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: () => api<Backup>(`/databases/${enc(database.id)}/backups`, {method: 'POST'}),
    onSettled: () => client.invalidateQueries({queryKey: databaseKeys.backups(database.id)}),
  });
  const download = useMutation({
    mutationFn: (backup: Backup) => downloadBackup(database.id, backup),
    onMutate: () => setDownloadProblem(null),
    onError: setDownloadProblem,
  });

  return (
    <div className="card wide">
      <div className="db-card-head">
        <h2>Backups</h2>
        <span className="grow" />
        <button type="button" disabled={create.isPending || database.state !== 'RUNNING'} onClick={() => create.mutate()}>
          {create.isPending ? 'Creating…' : 'Create backup'}
        </button>
      </div>
      {database.state !== 'RUNNING' ? <p className="hint">Backups can be taken while the database is running.</p> : null}
      <ProblemMessage summary={create.isError ? showProblem(create.error).summary : null} />
      <ProblemMessage summary={downloadProblem ? showProblem(downloadProblem).summary : null} />
      {restoreId ? <RestoreProgress database={database} restoreId={restoreId} onDone={() => setRestoreId(null)} /> : null}
      {backups.isPending ? <Loading what="Loading backups" />
        : backups.isError ? <ErrorState error={backups.error} retry={() => backups.refetch()} />
        : backups.data.length === 0 ? (
          <Empty title="No backups yet.">
            <p>A backup is taken every day on its schedule; Create backup takes one now.</p>
          </Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">When</th><th scope="col">Size</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
              </thead>
              <tbody>
                {backups.data.map(backup => (
                  <tr key={backup.id}>
                    <td title={absoluteTime(backup.createdAt)}>{relativeTime(backup.createdAt)}</td>
                    <td>{backup.sizeBytes == null ? '—' : bytes(backup.sizeBytes)}</td>
                    <td>{backupKind(backup.trigger)}</td>
                    <td>
                      <span className={`badge ${backupTone(backup.status)}`}>{backup.status.toLowerCase()}</span>
                      {backup.reason ? <span className="muted"> {backup.reason}</span> : null}
                    </td>
                    <td className="actions">
                      {backup.status === 'COMPLETED' ? (
                        <>
                          <button type="button" className="secondary" disabled={download.isPending}
                            onClick={() => download.mutate(backup)}>Download</button>
                          {' '}
                          <button type="button" className="secondary" disabled={Boolean(restoreId) || database.state !== 'RUNNING'}
                            onClick={() => setRestoring(backup)}>Restore</button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {restoring ? (
        <RestoreDialog database={database} backup={restoring} onClose={() => setRestoring(null)}
          onStarted={restore => { setRestoring(null); setRestoreId(restore.id); }} />
      ) : null}
    </div>
  );
}

interface RestoreDialogProps {
  database: Database;
  backup: Backup;
  onClose: () => void;
  onStarted: (restore: Restore) => void;
}

/** A modal confirmation: what is replaced by what, and the database's name typed before Restore is possible. */
export function RestoreDialog({database, backup, onClose, onStarted}: RestoreDialogProps) {
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const restore = useMutation({
    mutationFn: () => api<Restore>(`/databases/${enc(database.id)}/restore`, {method: 'POST', body: {backupId: backup.id} satisfies RestoreRequest}),
    onSuccess: started => {
      client.invalidateQueries({queryKey: databaseKeys.one(database.id), exact: true});
      onStarted(started);
    },
  });
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed === database.name && !restore.isPending) restore.mutate();
  };
  return (
    <dialog ref={dialog} className="db-dialog" aria-labelledby="restore-title" aria-describedby="restore-warning"
      onCancel={event => { event.preventDefault(); onClose(); }}>
      <form onSubmit={submit} noValidate>
        <h2 id="restore-title">Restore {database.name}?</h2>
        <p id="restore-warning">{restoreWarning(database.name, backup.createdAt)}</p>
        <p className="hint">The database is unavailable for a moment while it switches to the restored data.</p>
        <Field label={`Type ${database.name} to confirm`}>
          {props => <input {...props} value={typed} autoComplete="off" autoFocus onChange={event => setTyped(event.target.value)} />}
        </Field>
        <ProblemMessage summary={restore.isError ? showProblem(restore.error).summary : null} />
        <div className="actions">
          <button type="submit" className="danger" disabled={typed !== database.name || restore.isPending}>
            {restore.isPending ? 'Starting…' : 'Restore'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}

function RestoreProgress({database, restoreId, onDone}: {database: Database; restoreId: string; onDone: () => void}) {
  const client = useQueryClient();
  const restore = useRestore(database.id, restoreId);
  const status = restore.data?.status;
  const finished = FINISHED_RESTORE.includes(status ?? '');
  useEffect(() => {
    if (finished) {
      client.invalidateQueries({queryKey: databaseKeys.one(database.id), exact: true});
      client.invalidateQueries({queryKey: databaseKeys.backups(database.id)});
    }
  }, [finished, client, database.id]);
  if (restore.isError) return <ErrorState error={restore.error} retry={() => restore.refetch()} />;
  return (
    <div className={`db-restore ${databaseTone(status ?? 'QUEUED')}`} role="status">
      <p><strong>Restore:</strong> {restoreStep(status)}{finished ? '.' : '…'}
        {restore.data?.reason ? <span> {restore.data.reason}</span> : null}</p>
      {finished ? <button type="button" className="secondary" onClick={onDone}>Dismiss</button> : null}
    </div>
  );
}
