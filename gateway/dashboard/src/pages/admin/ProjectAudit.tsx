/** Admin: project-service's audit trail (every project, deleted ones included), newest first. */
import {useQuery} from '@tanstack/react-query';
import type {components} from '../../api/generated/project-service';
import {api} from '../../api/session';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Loading} from '../../ui/parts';

type ProjectAuditEntry = components['schemas']['AuditEntry'];

export function ProjectAudit() {
  const entries = useQuery({queryKey: ['admin', 'projects', 'audit'], queryFn: () => api<ProjectAuditEntry[]>('/admin/projects/audit?limit=100')});
  if (entries.isPending) return <Loading what="Loading the projects' audit trail" />;
  if (entries.isError) return <ErrorState error={entries.error} retry={() => entries.refetch()} />;
  if (!entries.data.length) return <Empty title="No project entries." />;
  return (
    <table className="responsive">
      <thead><tr><th>Time</th><th>Actor</th><th>Action</th><th>Project</th><th>Detail</th></tr></thead>
      <tbody>
        {entries.data.map(entry => (
          <tr key={entry.id}>
            <td data-label="Time" title={absoluteTime(entry.at)}>{relativeTime(entry.at)}</td>
            <td data-label="Actor"><code>{entry.actorId ?? 'system'}</code></td>
            <td data-label="Action"><code>{entry.action}</code></td>
            <td data-label="Project">{entry.slug ?? entry.projectId}</td>
            <td data-label="Detail" className="wrap">{entry.detail ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
