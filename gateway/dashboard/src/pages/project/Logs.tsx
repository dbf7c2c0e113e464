/**
 * Live logs of the project shown: a deployment's build log or the app's runtime log, with follow (keeps the end in
 * view), level filter (runtime), search and download. The tab is keyed by project, so a log never outlives it.
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import {useBuildLog, useRuntimeLog} from '../../api/logs';
import {ApiError} from '../../api/problems';
import {useDeployments} from '../../api/queries';
import type {Project} from '../../api/types';
import {relativeTime, shortSha} from '../../ui/format';
import {Empty, ErrorState, Field, Loading} from '../../ui/parts';

const LEVELS = ['', 'debug', 'info', 'warn', 'error'];

export function LogsTab({project}: {project: Project}) {
  const [source, setSource] = useState<'build' | 'runtime'>('build');
  const [deploymentId, setDeploymentId] = useState<string | undefined>(project.latestDeploymentId);
  const [level, setLevel] = useState('');
  const [search, setSearch] = useState('');
  const [followEnd, setFollowEnd] = useState(true);
  const deployments = useDeployments(project.id!);

  return (
    <div className="logs">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Log">
          <button type="button" aria-pressed={source === 'build'} onClick={() => setSource('build')}>Build</button>
          <button type="button" aria-pressed={source === 'runtime'} onClick={() => setSource('runtime')}>Runtime</button>
        </div>
        {source === 'build' ? (
          <Field label="Deployment">
            {props => (
              <select {...props} value={deploymentId ?? ''} onChange={event => setDeploymentId(event.target.value || undefined)}>
                {(deployments.data ?? []).map(d => (
                  <option key={d.id} value={d.id}>{relativeTime(d.createdAt)} · {d.status?.toLowerCase()}{d.commitSha ? ` · ${shortSha(d.commitSha)}` : ''}</option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field label="Level">
            {props => (
              <select {...props} value={level} onChange={event => setLevel(event.target.value)}>
                {LEVELS.map(l => <option key={l} value={l}>{l ? `${l} and above` : 'all levels'}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label="Search">
          {props => <input {...props} type="search" value={search} onChange={event => setSearch(event.target.value)} />}
        </Field>
        <label className="check"><input type="checkbox" checked={followEnd} onChange={event => setFollowEnd(event.target.checked)} /> Follow</label>
      </div>
      {source === 'build'
        ? (!deploymentId ? <Empty title="No deployments yet, so there is no build log." />
          : <BuildLog key={deploymentId} deploymentId={deploymentId} projectId={project.id!} search={search} followEnd={followEnd} name={project.slug ?? project.name ?? 'project'} />)
        : <RuntimeLog key={`${project.id}-${level}`} projectId={project.id!} level={level} search={search} followEnd={followEnd} name={project.slug ?? project.name ?? 'project'} />}
    </div>
  );
}

interface ViewProps {
  search: string;
  followEnd: boolean;
  name: string;
}

function BuildLog({deploymentId, projectId, ...view}: ViewProps & {deploymentId: string; projectId: string}) {
  const log = useBuildLog(deploymentId, projectId);
  const lines = useMemo(() => log.lines.map(line => ({
    key: line.id ?? `${line.at}-${line.text}`,
    text: line.text,
    prefix: line.phase ?? '',
    tone: line.event === 'phase' ? 'phase' : line.event === 'end' ? (line.error ? 'error' : 'phase') : '',
  })), [log.lines]);
  return <LogView {...view} lines={lines} error={log.error} connected={log.connected} ended={Boolean(log.ended)}
    file={`${view.name}-build-${deploymentId.slice(0, 8)}.log`} emptyText="No build output yet." />;
}

function RuntimeLog({projectId, level, ...view}: ViewProps & {projectId: string; level: string}) {
  const log = useRuntimeLog(projectId, level);
  const lines = useMemo(() => log.lines.map((line, index) => ({
    key: `${line.ts}-${index}`,
    text: line.line ?? '',
    prefix: `${line.ts ? new Date(line.ts).toLocaleTimeString() : ''} #${line.instance ?? ''}`,
    tone: line.level === 'error' || line.level === 'fatal' ? 'error' : line.level === 'warn' ? 'warn' : '',
  })), [log.lines]);
  if (log.error instanceof ApiError && log.error.status === 404) {
    return <Empty title="The app has not run yet, so there is no runtime log." />;
  }
  return <LogView {...view} lines={lines} error={log.error} connected={log.connected} ended={false}
    file={`${view.name}-runtime.log`} emptyText="No app output yet." />;
}

interface Line {
  key: string;
  text: string;
  prefix: string;
  tone: string;
}

function LogView({lines, error, connected, ended, search, followEnd, file, emptyText}: ViewProps & {
  lines: Line[]; error: unknown; connected: boolean; ended: boolean; file: string; emptyText: string;
}) {
  const box = useRef<HTMLPreElement>(null);
  const shown = useMemo(() => {
    const term = search.trim().toLowerCase();
    return term ? lines.filter(line => line.text.toLowerCase().includes(term)) : lines;
  }, [lines, search]);
  useEffect(() => {
    if (followEnd && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [shown, followEnd]);

  const download = () => {
    const blob = new Blob([shown.map(line => `${line.prefix ? `${line.prefix} ` : ''}${line.text}`).join('\n') + '\n'], {type: 'text/plain'});
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = file;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="log-panel">
      <div className="log-status">
        <span role="status">{error && !(error instanceof ApiError && error.status === 404) ? 'Reconnecting…'
          : ended ? 'The build has finished.' : connected ? 'Live' : 'Connecting…'}</span>
        <span className="muted">{search ? `${shown.length} of ${lines.length} lines` : `${lines.length} lines`}</span>
        <button type="button" className="secondary" onClick={download} disabled={!shown.length}>Download</button>
      </div>
      {error && !connected && !lines.length ? <ErrorState error={error} /> : null}
      {!lines.length && !error ? (connected ? <Empty title={emptyText} /> : <Loading what="Connecting to the log" />) : null}
      {lines.length ? (
        <pre className="log" ref={box} tabIndex={0} aria-label="Log lines" aria-live="off">
          {shown.map(line => (
            <span key={line.key} className={`log-line ${line.tone}`}>
              {line.prefix ? <span className="log-prefix">{line.prefix} </span> : null}{line.text}{'\n'}
            </span>
          ))}
        </pre>
      ) : null}
    </div>
  );
}
