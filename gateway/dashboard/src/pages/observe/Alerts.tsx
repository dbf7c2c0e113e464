/** Alerts: the user's open and resolved alerts (metrics-service), newest first, with the project they are about. */
import {useQuery} from '@tanstack/react-query';
import {useProjects} from '../../api/queries';
import {api} from '../../api/session';
import type {Alert} from '../../api/types';
import {href} from '../../router';
import {absoluteTime, duration, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Loading} from '../../ui/parts';
import './observe.css';

const KIND_WORDS: Record<string, string> = {
  CONTAINER_MEMORY: 'Memory near the limit', CONTAINER_CPU: 'CPU near the limit', CRASH_LOOP: 'Crash loop',
  DEPLOYMENT_FAILED: 'Deployment failed', BACKUP_FAILED: 'Backup failed', HOST_CPU: 'Host CPU',
  HOST_MEMORY: 'Host memory', HOST_DISK: 'Host disk',
};

export function alertTitle(kind: string | undefined): string {
  return KIND_WORDS[kind ?? ''] ?? String(kind ?? 'Alert').toLowerCase().replaceAll('_', ' ');
}

export function AlertsPage() {
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <p className="hint">Raised by the platform when something of yours is wrong; each resolves by itself once it is fixed.</p>
      <AlertList state="open" title="Open" empty="No open alerts: all is well." />
      <AlertList state="resolved" title="Resolved" empty="No resolved alerts yet." />
    </section>
  );
}

function AlertList({state, title, empty}: {state: 'open' | 'resolved'; title: string; empty: string}) {
  const alerts = useQuery({
    queryKey: ['alerts', state],
    queryFn: () => api<Alert[]>(`/alerts?state=${state}&limit=50`),
    refetchInterval: 30_000,
  });
  const projects = useProjects();
  const nameOf = (id: string | undefined) => projects.data?.find(p => p.id === id)?.name;
  return (
    <div className="card section-gap">
      <h2>{title}</h2>
      {alerts.isPending ? <Loading what={`Loading ${title.toLowerCase()} alerts`} />
        : alerts.isError ? <ErrorState error={alerts.error} retry={() => alerts.refetch()} />
        : !alerts.data.length ? <Empty title={empty} />
        : (
          <ul className="alert-list">
            {alerts.data.map(alert => (
              <li key={alert.id} className="card">
                <div className="alert-head">
                  <strong>{alertTitle(alert.kind)}</strong>
                  <span className={`badge ${alert.state === 'OPEN' ? (alert.severity === 'CRITICAL' ? 'bad' : 'busy') : 'idle'}`}>
                    {alert.state === 'OPEN' ? String(alert.severity ?? 'warning').toLowerCase() : 'resolved'}
                  </span>
                </div>
                {alert.message ? <p className="alert-message">{alert.message}</p> : null}
                <dl className="facts">
                  {alert.projectId ? (
                    <div><dt>Project</dt><dd><a href={href(`/projects/${alert.projectId}/overview`)}>{nameOf(alert.projectId) ?? 'a project'}</a></dd></div>
                  ) : null}
                  {alert.databaseId ? <div><dt>Database</dt><dd><code>{alert.databaseId.slice(0, 8)}</code></dd></div> : null}
                  <div><dt>Opened</dt><dd title={absoluteTime(alert.openedAt)}>{relativeTime(alert.openedAt)}{(alert.openings ?? 1) > 1 ? ` (${alert.openings} times)` : ''}</dd></div>
                  {alert.resolvedAt ? (
                    <div><dt>Resolved</dt><dd title={absoluteTime(alert.resolvedAt)}>{relativeTime(alert.resolvedAt)}{alert.resolveReason ? `: ${alert.resolveReason}` : ''}</dd></div>
                  ) : (
                    <div><dt>Lasting</dt><dd>{duration(Date.now() - Date.parse(alert.openedAt ?? '')) || '—'}</dd></div>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
    </div>
  );
}
