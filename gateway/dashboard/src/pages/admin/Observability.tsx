/**
 * Admin: the host's capacity and the admission threshold, the privacy-preserving list of every container (nothing in
 * it says whose a container is), and platform alerts (metrics-service).
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api} from '../../api/session';
import {absoluteTime, duration, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {bytes, percent} from '../billing/money';
import type {Alert, Capacity, ContainerRow, ThresholdChange} from '../../api/types';

const CAPACITY = ['admin', 'capacity'];

export function CapacityAdmin() {
  const client = useQueryClient();
  const capacity = useQuery({queryKey: CAPACITY, queryFn: () => api<Capacity>('/admin/capacity'), refetchInterval: 15_000});
  const [threshold, setThreshold] = useState('');
  const change = useMutation({
    mutationFn: (value: number) => api<Capacity>('/admin/capacity/threshold', {method: 'PUT', body: {percent: value} satisfies ThresholdChange}),
    onSuccess: view => { client.setQueryData(CAPACITY, view); setThreshold(''); },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate(threshold.trim() === '' ? Number.NaN : Number(threshold));
  };
  const {summary, fields} = showProblem(change.error, {percent: 'Threshold (%)'});
  if (capacity.isPending) return <Loading what="Loading the host's capacity" />;
  if (capacity.isError) return <ErrorState error={capacity.error} retry={() => capacity.refetch()} />;
  const view = capacity.data;
  return (
    <div className="grid">
      <div className="card wide">
        <h2>Host {view.host}</h2>
        <p>
          {view.admitting ? <span className="badge ok">admitting deployments</span> : <span className="badge bad">holding deployments</span>}
          {view.reason ? <span className="muted"> {view.reason}</span> : null}
        </p>
        <dl className="facts">
          <div><dt>CPU ({view.cpuCores} cores)</dt><dd>{percent(view.cpuPercent)} now, {percent(view.cpuAveragePercent)} on average</dd></div>
          <div><dt>Memory</dt><dd>{bytes(view.memoryUsedBytes)} of {bytes(view.memoryTotalBytes)} ({percent(view.memoryPercent)})</dd></div>
          <div><dt>Disk</dt><dd>{bytes(view.diskUsedBytes)} of {bytes(view.diskTotalBytes)} ({percent(view.diskPercent)})</dd></div>
          <div><dt>Threshold</dt><dd>{percent(view.thresholdPercent)}</dd></div>
          <div><dt>Running containers</dt><dd>{view.runningContainers ?? '—'}</dd></div>
          <div><dt>Sampled</dt><dd title={absoluteTime(view.sampledAt)}>{relativeTime(view.sampledAt)}</dd></div>
        </dl>
        <h3>Waiting deployments</h3>
        {!view.queuedDeployments?.length ? <Empty title="No deployment is waiting." /> : (
          <table className="responsive">
            <thead><tr><th>Deployment</th><th>Requested</th><th>Waiting for</th></tr></thead>
            <tbody>
              {view.queuedDeployments.map(queued => (
                <tr key={queued.deploymentId}>
                  <td data-label="Deployment"><code>{queued.deploymentId}</code></td>
                  <td data-label="Requested" title={absoluteTime(queued.requestedAt)}>{relativeTime(queued.requestedAt)}</td>
                  <td data-label="Waiting for" className="wrap">{queued.waitingFor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <h2>Admission threshold</h2>
        <p className="hint">New deployments wait while CPU, memory or disk use is above it. It applies at once.</p>
        <Field label="Threshold (%)" error={fields.percent} hint={`Now ${percent(view.thresholdPercent)}; 1 to 100.`}>
          {props => <input {...props} type="number" min={1} max={100} step="any" value={threshold} onChange={event => setThreshold(event.target.value)} />}
        </Field>
        <ProblemMessage summary={summary} />
        <button type="submit" disabled={change.isPending}>Save threshold</button>
      </form>
    </div>
  );
}

export function ContainersAdmin() {
  const containers = useQuery({queryKey: ['admin', 'containers'], queryFn: () => api<ContainerRow[]>('/admin/containers'), refetchInterval: 15_000});
  if (containers.isPending) return <Loading what="Loading the containers" />;
  if (containers.isError) return <ErrorState error={containers.error} retry={() => containers.refetch()} />;
  return (
    <div className="card">
      <h2>Containers</h2>
      <p className="hint">Every container the platform runs, with nothing that says whose it is.</p>
      {!containers.data.length ? <Empty title="No container has been sampled yet." /> : (
        <table className="responsive">
          <thead><tr><th>Container</th><th>Kind</th><th>Stack</th><th>Status</th><th className="amount">CPU</th><th className="amount">Memory</th><th>Up</th><th className="amount">Restarts</th></tr></thead>
          <tbody>
            {containers.data.map(container => (
              <tr key={container.id}>
                <td data-label="Container"><code>{container.id.slice(0, 12)}</code></td>
                <td data-label="Kind">{container.kind === 'DATABASE' ? 'database' : 'app'}</td>
                <td data-label="Stack">{container.stack ?? '—'}</td>
                <td data-label="Status">{container.status.toLowerCase()}</td>
                <td data-label="CPU" className="amount" title={`${percent(container.cpuPercentOfHost)} of the host`}>{percent(container.cpuPercent)}</td>
                <td data-label="Memory" className="amount">{bytes(container.memoryBytes)}{container.memoryLimitBytes > 0 ? ` / ${bytes(container.memoryLimitBytes)}` : ''}</td>
                <td data-label="Up">{duration(container.uptimeSeconds * 1000) || '—'}</td>
                <td data-label="Restarts" className="amount">{container.restartCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const STATES = [['open', 'Open'], ['resolved', 'Resolved'], ['all', 'All']] as const;

export function AlertsAdmin() {
  const [state, setState] = useState<'open' | 'resolved' | 'all'>('open');
  const alerts = useQuery({queryKey: ['admin', 'alerts', state], queryFn: () => api<Alert[]>(`/admin/alerts?state=${state}&limit=100`), refetchInterval: 30_000});
  return (
    <div className="card">
      <h2>Platform alerts</h2>
      <div className="segmented" role="group" aria-label="Alert state">
        {STATES.map(([value, label]) => <button key={value} type="button" aria-pressed={state === value} onClick={() => setState(value)}>{label}</button>)}
      </div>
      {alerts.isPending ? <Loading what="Loading alerts" />
        : alerts.isError ? <ErrorState error={alerts.error} retry={() => alerts.refetch()} />
        : !alerts.data.length ? <Empty title={state === 'open' ? 'No open alerts.' : 'No alerts.'} />
        : (
          <table className="responsive">
            <thead><tr><th>Opened</th><th>Severity</th><th>Kind</th><th>Message</th><th>State</th></tr></thead>
            <tbody>
              {alerts.data.map(alert => (
                <tr key={alert.id}>
                  <td data-label="Opened" title={absoluteTime(alert.openedAt)}>{relativeTime(alert.openedAt)}</td>
                  <td data-label="Severity"><span className={`badge ${alert.severity.toLowerCase() === 'critical' ? 'bad' : 'busy'}`}>{alert.severity.toLowerCase()}</span></td>
                  <td data-label="Kind">{alert.kind.toLowerCase().replaceAll('_', ' ')}</td>
                  <td data-label="Message" className="wrap">{alert.message}{alert.openings > 1 ? <span className="muted"> (opened {alert.openings} times)</span> : null}</td>
                  <td data-label="State">{alert.state === 'OPEN' ? 'open'
                    : <span title={absoluteTime(alert.resolvedAt)}>resolved {relativeTime(alert.resolvedAt)}{alert.resolveReason ? `: ${alert.resolveReason}` : ''}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </div>
  );
}
