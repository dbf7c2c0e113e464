/**
 * Admin: capacity (metrics-service), the privacy-preserving container list, alerts, plans (billing-service) and
 * wallet adjustments. Each reads the admin API as it is; a change shows its problem details next to its fields.
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../api/problems';
import {api} from '../api/session';
import type {AdjustmentRequest, Alert, Capacity, ContainerRow, LedgerEntry, Plan} from '../api/types';
import {absoluteTime, duration, relativeTime} from '../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../ui/parts';

/** A random UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const percent = (value: number | null | undefined) => (value == null ? '—' : `${value.toFixed(1)} %`);

export function bytes(value: number | null | undefined): string {
  if (value == null) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${amount.toFixed(unit ? 1 : 0)} ${units[unit]}`;
}

export function AdminCapacity() {
  const client = useQueryClient();
  const capacity = useQuery({queryKey: ['admin', 'capacity'], queryFn: () => api<Capacity>('/admin/capacity'), refetchInterval: 15_000});
  const [threshold, setThreshold] = useState('');
  const change = useMutation({
    mutationFn: () => api<Capacity>('/admin/capacity/threshold', {method: 'PUT', body: {percent: Number(threshold)}}),
    onSuccess: () => setThreshold(''),
    onSettled: () => client.invalidateQueries({queryKey: ['admin', 'capacity']}),
  });
  if (capacity.isPending) return <Loading what="Loading the host's capacity" />;
  if (capacity.isError) return <ErrorState error={capacity.error} retry={() => capacity.refetch()} />;
  const c = capacity.data;
  const {summary, fields} = showProblem(change.error, {percent: 'Admission threshold (%)'});
  return (
    <div className="grid">
      <div className="card">
        <h2>Host {c.host}</h2>
        <dl className="facts">
          <div><dt>CPU</dt><dd>{percent(c.cpuPercent)} of {c.cpuCores} cores (average {percent(c.cpuAveragePercent)})</dd></div>
          <div><dt>Memory</dt><dd>{bytes(c.memoryUsedBytes)} of {bytes(c.memoryTotalBytes)} ({percent(c.memoryPercent)})</dd></div>
          <div><dt>Disk</dt><dd>{bytes(c.diskUsedBytes)} of {bytes(c.diskTotalBytes)} ({percent(c.diskPercent)})</dd></div>
          <div><dt>Containers</dt><dd>{c.runningContainers ?? '—'} running</dd></div>
          <div><dt>Admitting</dt><dd>{c.admitting ? <span className="badge ok">yes</span> : <span className="badge bad">no</span>} {c.reason ?? ''}</dd></div>
          <div><dt>Sampled</dt><dd title={absoluteTime(c.sampledAt)}>{relativeTime(c.sampledAt)}</dd></div>
        </dl>
      </div>
      <form className="card" noValidate onSubmit={(event: FormEvent) => { event.preventDefault(); if (!change.isPending) change.mutate(); }}>
        <h2>Admission threshold</h2>
        <p>New deployments wait while the host is above <strong>{percent(c.thresholdPercent)}</strong>.</p>
        <Field label="Admission threshold (%)" error={fields.percent}>
          {props => <input {...props} type="number" min={1} max={100} step="any" value={threshold} onChange={event => setThreshold(event.target.value)} />}
        </Field>
        <ProblemMessage summary={summary} />
        <button type="submit" disabled={change.isPending || !threshold}>Change threshold</button>
      </form>
      <div className="card wide">
        <h2>Queued deployments</h2>
        {!c.queuedDeployments?.length ? <Empty title="Nothing is waiting for capacity." /> : (
          <table className="responsive">
            <thead><tr><th>Deployment</th><th>Project</th><th>Requested</th><th>Waiting for</th></tr></thead>
            <tbody>
              {c.queuedDeployments.map(q => (
                <tr key={q.deploymentId}>
                  <td data-label="Deployment"><code>{q.deploymentId}</code></td>
                  <td data-label="Project"><code>{q.projectId}</code></td>
                  <td data-label="Requested" title={absoluteTime(q.requestedAt)}>{relativeTime(q.requestedAt)}</td>
                  <td data-label="Waiting for">{q.waitingFor ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** Containers without owners' names or projects: resource use only. */
export function AdminContainers() {
  const rows = useQuery({queryKey: ['admin', 'containers'], queryFn: () => api<ContainerRow[]>('/admin/containers'), refetchInterval: 15_000});
  if (rows.isPending) return <Loading what="Loading containers" />;
  if (rows.isError) return <ErrorState error={rows.error} retry={() => rows.refetch()} />;
  if (!rows.data.length) return <Empty title="No containers are running." />;
  return (
    <div className="table-wrap">
      <table className="responsive">
        <thead><tr><th>Container</th><th>Kind</th><th>Stack</th><th>Status</th><th>CPU</th><th>Memory</th><th>Restarts</th><th>Up</th></tr></thead>
        <tbody>
          {rows.data.map(row => (
            <tr key={row.id}>
              <td data-label="Container"><code>{row.id}</code></td>
              <td data-label="Kind">{String(row.kind ?? '').toLowerCase()}</td>
              <td data-label="Stack">{row.stack ?? '—'}</td>
              <td data-label="Status">{row.status ?? '—'}</td>
              <td data-label="CPU">{percent(row.cpuPercent)} ({percent(row.cpuPercentOfHost)} of host)</td>
              <td data-label="Memory">{bytes(row.memoryBytes)} of {bytes(row.memoryLimitBytes)}</td>
              <td data-label="Restarts">{row.restartCount ?? 0}</td>
              <td data-label="Up">{duration((row.uptimeSeconds ?? 0) * 1000) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdminAlerts() {
  const [state, setState] = useState('open');
  const alerts = useQuery({
    queryKey: ['admin', 'alerts', state],
    queryFn: () => api<Alert[]>(`/admin/alerts?${new URLSearchParams({state, limit: '100'})}`),
    refetchInterval: 30_000,
  });
  return (
    <div>
      <div className="toolbar">
        <Field label="Show">
          {props => (
            <select {...props} value={state} onChange={event => setState(event.target.value)}>
              <option value="open">open alerts</option>
              <option value="resolved">resolved alerts</option>
              <option value="all">all alerts</option>
            </select>
          )}
        </Field>
      </div>
      {alerts.isPending ? <Loading what="Loading alerts" />
        : alerts.isError ? <ErrorState error={alerts.error} retry={() => alerts.refetch()} />
        : !alerts.data.length ? <Empty title={state === 'open' ? 'No open alerts.' : 'No alerts.'} />
        : (
          <table className="responsive">
            <thead><tr><th>Alert</th><th>Severity</th><th>State</th><th>Opened</th><th>Last seen</th><th>Resolved</th></tr></thead>
            <tbody>
              {alerts.data.map(alert => (
                <tr key={alert.id}>
                  <td data-label="Alert"><strong>{String(alert.kind ?? '').toLowerCase().replaceAll('_', ' ')}</strong>
                    <div className="hint">{alert.message}</div></td>
                  <td data-label="Severity">{alert.severity ?? '—'}</td>
                  <td data-label="State">{alert.state ?? '—'}{alert.openings && alert.openings > 1 ? ` (${alert.openings} times)` : ''}</td>
                  <td data-label="Opened" title={absoluteTime(alert.openedAt)}>{relativeTime(alert.openedAt)}</td>
                  <td data-label="Last seen" title={absoluteTime(alert.lastSeenAt)}>{relativeTime(alert.lastSeenAt)}</td>
                  <td data-label="Resolved">{alert.resolvedAt ? `${relativeTime(alert.resolvedAt)}${alert.resolveReason ? `: ${alert.resolveReason}` : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </div>
  );
}

export function AdminPlans() {
  const client = useQueryClient();
  const plans = useQuery({queryKey: ['admin', 'plans'], queryFn: () => api<Plan[]>('/admin/plans')});
  const retire = useMutation({
    mutationFn: (id: string) => api(`/admin/plans/${encodeURIComponent(id)}/retire`, {method: 'POST'}),
    onSettled: () => client.invalidateQueries({queryKey: ['admin', 'plans']}),
  });
  if (plans.isPending) return <Loading what="Loading plans" />;
  if (plans.isError) return <ErrorState error={plans.error} retry={() => plans.refetch()} />;
  if (!plans.data.length) return <Empty title="No plans yet." />;
  return (
    <div className="table-wrap">
      <ProblemMessage summary={showProblem(retire.error).summary} />
      <table className="responsive">
        <thead><tr><th>Plan</th><th>Status</th><th>Price</th><th>Limits</th><th>Runtimes</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {plans.data.map(plan => (
            <tr key={plan.id}>
              <td data-label="Plan"><strong>{plan.name}</strong></td>
              <td data-label="Status">{String(plan.status ?? '').toLowerCase()}</td>
              <td data-label="Price">{plan.monthlyPrice} a month, {plan.hourlyRate} an hour</td>
              <td data-label="Limits">{plan.cpuMillis} mCPU, {plan.memoryMb} MiB, {plan.diskMb} MiB disk, {plan.maxApps} apps × {plan.maxInstances} instances</td>
              <td data-label="Runtimes">{plan.allowedRuntimes?.length ? plan.allowedRuntimes.join(', ') : 'all'}</td>
              <td data-label="Actions" className="actions">
                {String(plan.status).toUpperCase() !== 'RETIRED' ? (
                  <button type="button" className="danger" disabled={retire.isPending}
                    onClick={() => { if (confirm(`Retire the plan ${plan.name}? Accounts on it keep it; no new account can choose it.`)) retire.mutate(plan.id!); }}>Retire</button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ADJUST_LABELS = {userId: 'User ID', amount: 'Amount', currency: 'Currency', reason: 'Reason'};

/** A credit (positive) or debit (negative) on a user's wallet; the idempotency key makes a retried submit harmless. */
export function AdminWalletAdjustments() {
  const [form, setForm] = useState({userId: '', amount: '', currency: 'EUR', reason: ''});
  const [key, setKey] = useState(() => newKey());
  const adjust = useMutation({
    mutationFn: () => api<LedgerEntry>(`/admin/billing/wallets/${encodeURIComponent(form.userId.trim())}/adjustments`, {
      method: 'POST', headers: {'Idempotency-Key': key},
      body: {amount: form.amount.trim(), currency: form.currency.trim(), reason: form.reason.trim()} satisfies AdjustmentRequest,
    }),
    onSuccess: () => setKey(newKey()),
  });
  const {summary, fields} = showProblem(adjust.error, ADJUST_LABELS);
  const input = (name: keyof typeof ADJUST_LABELS, hint?: string) => (
    <Field label={ADJUST_LABELS[name]} error={fields[name]} hint={hint}>
      {props => <input {...props} value={form[name]} onChange={event => setForm({...form, [name]: event.target.value})} />}
    </Field>
  );
  return (
    <form className="card narrow" noValidate onSubmit={(event: FormEvent) => { event.preventDefault(); if (!adjust.isPending) adjust.mutate(); }}>
      <h2>Adjust a wallet</h2>
      {input('userId', 'The account’s ID, from the Users page.')}
      {input('amount', 'Positive credits the wallet, negative debits it, e.g. 5.00 or -2.50.')}
      {input('currency')}
      {input('reason', 'Shown on the user’s statement.')}
      <ProblemMessage summary={summary} />
      {adjust.isSuccess ? <p className="notice-inline" role="status">Adjusted: the balance is now {adjust.data.balanceAfter}.</p> : null}
      <button type="submit" disabled={adjust.isPending || !form.userId.trim() || !form.amount.trim()}>Adjust wallet</button>
    </form>
  );
}
