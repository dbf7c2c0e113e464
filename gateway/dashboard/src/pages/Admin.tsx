/**
 * Admin pages (admin role only; the services enforce it, this page says so instead of redirecting). Users and the
 * audit log are here; the other sections are in ./admin.
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {useState} from 'react';
import {showProblem} from '../api/problems';
import {api, isAdmin} from '../api/session';
import type {AuditEntry, Me, UserDetails} from '../api/types';
import {href, match} from '../router';
import {absoluteTime, relativeTime} from '../ui/format';
import {Empty, ErrorState, Loading, ProblemMessage} from '../ui/parts';
import {AlertsAdmin, CapacityAdmin, ContainersAdmin} from './admin/Observability';
import {PlansAdmin} from './admin/Plans';
import {ProjectAudit} from './admin/ProjectAudit';
import {RuntimesAdmin} from './admin/Runtimes';
import {WalletsAdmin} from './admin/Wallets';
import './billing/billing.css';

const SECTIONS = [
  {key: 'users', label: 'Users'},
  {key: 'runtimes', label: 'Runtimes'},
  {key: 'plans', label: 'Plans'},
  {key: 'audit', label: 'Audit log'},
  {key: 'capacity', label: 'Capacity'},
  {key: 'containers', label: 'Containers'},
  {key: 'alerts', label: 'Alerts'},
  {key: 'wallets', label: 'Wallets'},
];

export function AdminPage({path, someone}: {path: string; someone: Me}) {
  if (!isAdmin(someone)) {
    return (
      <section className="narrow" aria-labelledby="admin-title">
        <h1 id="admin-title">Administration</h1>
        <div className="state problem" role="alert">
          <p>This page needs the admin role. Your account ({someone.email}) is a regular user account; ask an
            administrator if you need access.</p>
          <a className="button secondary" href={href('/projects')}>Back to your projects</a>
        </div>
      </section>
    );
  }
  const section = (match('/admin/:section', path)?.section) ?? 'users';
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <nav className="tabbar" aria-label="Administration">
        {SECTIONS.map(s => <a key={s.key} href={href(`/admin/${s.key}`)} aria-current={s.key === section ? 'page' : undefined}>{s.label}</a>)}
      </nav>
      {section === 'users' ? <Users someone={someone} />
        : section === 'audit' ? (
          <div className="stack">
            <div className="card"><h2>Accounts and sign-ins</h2><Audit /></div>
            <div className="card"><h2>Projects</h2><ProjectAudit /></div>
          </div>
        )
        : section === 'runtimes' ? <RuntimesAdmin />
        : section === 'plans' ? <PlansAdmin />
        : section === 'capacity' ? <CapacityAdmin />
        : section === 'containers' ? <ContainersAdmin />
        : section === 'alerts' ? <AlertsAdmin />
        : section === 'wallets' ? <WalletsAdmin />
        : <Empty title="There is no such admin page." />}
    </section>
  );
}

function Users({someone}: {someone: Me}) {
  const client = useQueryClient();
  const users = useQuery({queryKey: ['admin', 'users'], queryFn: () => api<UserDetails[]>('/admin/users')});
  const change = useMutation({
    mutationFn: ({path, body}: {path: string; body?: unknown}) => api(path, {method: 'POST', body}),
    onSettled: () => client.invalidateQueries({queryKey: ['admin', 'users']}),
  });
  if (users.isPending) return <Loading what="Loading users" />;
  if (users.isError) return <ErrorState error={users.error} retry={() => users.refetch()} />;
  if (!users.data.length) return <Empty title="No users." />;
  return (
    <>
      <ProblemMessage summary={showProblem(change.error).summary} />
      <table className="responsive">
        <thead><tr><th>E-mail</th><th>Role</th><th>Status</th><th>Joined</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {users.data.map(user => {
            const self = user.id === someone.id;
            const admin = String(user.role).toLowerCase() === 'admin';
            const base = `/admin/users/${encodeURIComponent(user.id ?? '')}`;
            return (
              <tr key={user.id}>
                <td data-label="E-mail">{user.email}{self ? <span className="muted"> (you)</span> : null}</td>
                <td data-label="Role">{admin ? 'admin' : 'user'}</td>
                <td data-label="Status">{user.disabled ? <span className="badge bad">disabled</span> : <span className="badge ok">active</span>}</td>
                <td data-label="Joined"><span title={absoluteTime(user.createdAt)}>{relativeTime(user.createdAt)}</span></td>
                <td data-label="Actions" className="actions">
                  {self ? <span className="muted">—</span> : <>
                    <button type="button" className="secondary" disabled={change.isPending}
                      onClick={() => { if (confirm(`Make ${user.email} ${admin ? 'a regular user' : 'an admin'}?`)) change.mutate({path: `${base}/role`, body: {role: admin ? 'user' : 'admin'}}); }}>
                      {admin ? 'Make user' : 'Make admin'}</button>
                    <button type="button" className={user.disabled ? 'secondary' : 'danger'} disabled={change.isPending}
                      onClick={() => { if (confirm(user.disabled ? `Enable ${user.email}?` : `Disable ${user.email}? Their sessions and API tokens stop working.`)) change.mutate({path: `${base}/${user.disabled ? 'enable' : 'disable'}`}); }}>
                      {user.disabled ? 'Enable' : 'Disable'}</button>
                  </>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function Audit() {
  const [before, setBefore] = useState<string | null>(null);
  const entries = useQuery({
    queryKey: ['admin', 'audit', before],
    queryFn: () => api<AuditEntry[]>(`/admin/audit?${new URLSearchParams({limit: '50', ...(before ? {before} : {})})}`),
  });
  if (entries.isPending) return <Loading what="Loading the audit log" />;
  if (entries.isError) return <ErrorState error={entries.error} retry={() => entries.refetch()} />;
  if (!entries.data.length) return <Empty title="No entries." />;
  return (
    <>
      <table className="responsive">
        <thead><tr><th>Time</th><th>Actor</th><th>Action</th><th>Target</th><th>Address</th></tr></thead>
        <tbody>
          {entries.data.map(entry => (
            <tr key={entry.id}>
              <td data-label="Time" title={absoluteTime(entry.at)}>{relativeTime(entry.at)}</td>
              <td data-label="Actor">{entry.actorEmail ?? entry.actorId ?? 'system'}</td>
              <td data-label="Action"><code>{entry.action}</code></td>
              <td data-label="Target" className="wrap">{entry.target ?? '—'}</td>
              <td data-label="Address">{entry.clientIp ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {before ? <button type="button" className="secondary" onClick={() => setBefore(null)}>Newest</button> : null}
        {entries.data.length >= 50 ? <button type="button" className="secondary" onClick={() => setBefore(entries.data.at(-1)?.at ?? null)}>Older</button> : null}
      </div>
    </>
  );
}
