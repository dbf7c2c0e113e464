/**
 * database-service's REST API as the Databases pages use it (`/api/v1/databases…`, `/api/v1/projects/{id}/databases`).
 *
 * The shapes are aliases of openapi/database-service.json's schemas (generated into api/generated on every build), so
 * a renamed field fails `tsc`. The document marks every record component optional; `Sent` names those the service
 * always sends (Java primitives, ids and states).
 *
 * The password (and the connection URL, which contains it) never enters the client cache: the queries keep a copy
 * with the password removed, and the page asks for it again only when the owner presses Reveal or Copy.
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import type {components} from '../../api/generated/database-service';
import {api, authorizedFetch} from '../../api/session';
import type {Sent, Without} from '../../api/types';

type Schemas = components['schemas'];

export type DatabaseLink = Sent<Schemas['Link'], 'projectId' | 'prefix'>;

/** In the cache `password` is always null and the password inside `url` masked: see revealSecrets. */
export type Credentials = Sent<Schemas['CredentialsView']>;

export type Database = Without<Sent<Schemas['DatabaseView'], 'id' | 'name' | 'type' | 'state' | 'usageBytes'
  | 'diskQuotaBytes' | 'quotaExceeded' | 'memoryBytes' | 'nanoCpus' | 'externalAccess'>, 'links' | 'credentials'>
  & {links?: DatabaseLink[] | null; credentials?: Credentials | null};

export type NewDatabase = Schemas['NewDatabase'] & Required<Pick<Schemas['NewDatabase'], 'type' | 'name'>>;

export type LinkRequest = Schemas['LinkRequest'];
export type RestoreRequest = Schemas['RestoreRequest'];

export type ProjectLink = Sent<Schemas['LinkView'], 'projectId' | 'databaseId' | 'databaseName' | 'type' | 'prefix'>;

export type Backup = Sent<Schemas['BackupView'], 'id' | 'databaseId' | 'trigger' | 'status'>;

export type Restore = Sent<Schemas['RestoreView'], 'id' | 'databaseId' | 'status'>;

export const DATABASE_TYPES = [
  {value: 'postgresql', label: 'PostgreSQL'},
  {value: 'mysql', label: 'MySQL (MariaDB)'},
  {value: 'redis', label: 'Redis'},
  {value: 'mongodb', label: 'MongoDB'},
] as const;

/** States (database-service DatabaseState) after which nothing changes without the owner. */
export const SETTLED_DATABASE = ['RUNNING', 'STOPPED', 'FAILED', 'CRASH_LOOP'];
export const ACTIVE_BACKUP = ['QUEUED', 'RUNNING'];
export const FINISHED_RESTORE = ['COMPLETED', 'FAILED'];

const enc = encodeURIComponent;
export const MASK = '••••••••';

export const databaseKeys = {
  all: ['databases'] as const,
  one: (id: string) => ['databases', id] as const,
  backups: (id: string) => ['databases', id, 'backups'] as const,
  restore: (id: string, restoreId: string) => ['databases', id, 'restores', restoreId] as const,
  ofProject: (projectId: string) => ['projects', projectId, 'databases'] as const,
};

/** The view without its secret: the password dropped, and masked inside the URL. */
export function withoutSecret(database: Database): Database {
  const credentials = database.credentials;
  if (!credentials) return database;
  const password = credentials.password;
  const url = credentials.url && password ? credentials.url.split(password).join(MASK) : credentials.url;
  return {...database, credentials: {...credentials, password: null, url}};
}

/** Fetches the password and the full URL for the moment the owner asked for them; nothing is cached. */
export async function revealSecrets(id: string): Promise<{password: string; url: string | null}> {
  const fresh = await api<Database>(`/databases/${enc(id)}`);
  return {password: fresh.credentials?.password ?? '', url: fresh.credentials?.url ?? null};
}

/** Polls every 2 s while a database is provisioning, restoring or in any state that is still moving. */
export const pollUnlessSettled = (state: string | undefined) =>
  state !== undefined && !SETTLED_DATABASE.includes(state) ? 2_000 : false;

export function useDatabases() {
  return useQuery({
    queryKey: databaseKeys.all,
    queryFn: async () => (await api<Database[]>('/databases')).map(withoutSecret),
    refetchInterval: query => (query.state.data ?? []).some(d => !SETTLED_DATABASE.includes(d.state)) ? 2_000 : false,
  });
}

export function useDatabase(id: string) {
  return useQuery({
    queryKey: databaseKeys.one(id),
    queryFn: async () => withoutSecret(await api<Database>(`/databases/${enc(id)}`)),
    refetchInterval: query => pollUnlessSettled(query.state.data?.state),
  });
}

export function useBackups(id: string) {
  return useQuery({
    queryKey: databaseKeys.backups(id),
    queryFn: () => api<Backup[]>(`/databases/${enc(id)}/backups`),
    refetchInterval: query => (query.state.data ?? []).some(b => ACTIVE_BACKUP.includes(b.status)) ? 2_000 : false,
  });
}

export function useRestore(id: string, restoreId: string | null) {
  return useQuery({
    queryKey: databaseKeys.restore(id, restoreId ?? ''),
    queryFn: () => api<Restore>(`/databases/${enc(id)}/restores/${enc(restoreId ?? '')}`),
    enabled: Boolean(restoreId),
    refetchInterval: query => FINISHED_RESTORE.includes(query.state.data?.status ?? '') ? false : 2_000,
  });
}

export function useProjectLinks(projectId: string) {
  return useQuery({
    queryKey: databaseKeys.ofProject(projectId),
    queryFn: () => api<ProjectLink[]>(`/projects/${enc(projectId)}/databases`),
  });
}

/** Links or unlinks a database and a project; refreshes both sides. */
export function useLinking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({projectId, databaseId, link}: {projectId: string; databaseId: string; link: boolean}) =>
      api(`/projects/${enc(projectId)}/databases/${enc(databaseId)}`, link ? {method: 'POST', body: {} satisfies LinkRequest} : {method: 'DELETE'}),
    onSettled: (_result, _error, {projectId, databaseId}) => Promise.all([
      client.invalidateQueries({queryKey: databaseKeys.one(databaseId), exact: true}),
      client.invalidateQueries({queryKey: databaseKeys.all, exact: true}),
      client.invalidateQueries({queryKey: databaseKeys.ofProject(projectId)}),
    ]),
  });
}

/** The file name of a Content-Disposition header (`attachment; filename="x.dump"`, or RFC 5987 `filename*`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = disposition.match(/filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = disposition.match(/filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/);
  const name = plain ? (plain[1] ?? plain[2]).trim() : '';
  return name.replace(/[/\\]/g, '_') || fallback;
}

/**
 * Downloads a backup with the session's token and hands it to the browser as a file: the token never goes into a
 * URL, and the object URL lives only until the click has been handled.
 */
export async function downloadBackup(databaseId: string, backup: Backup): Promise<void> {
  const response = await authorizedFetch(`/databases/${enc(databaseId)}/backups/${enc(backup.id)}/download`,
    {accept: 'application/octet-stream'});
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), `backup-${backup.id}`);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
