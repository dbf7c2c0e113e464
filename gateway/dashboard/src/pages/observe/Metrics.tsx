/**
 * Project tab Metrics: CPU, memory and network of the app's containers (metrics-service container metrics) and its
 * HTTP requests, status mix and latency (HTTP analytics), over a chosen range. uPlot is loaded only here.
 */
import {useQuery} from '@tanstack/react-query';
import {useEffect, useRef, useState} from 'react';
import {api} from '../../api/session';
import type {AnalyticsReport, MetricPoint, MetricSeries, Project} from '../../api/types';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import type {Line} from './chart';
import {bytes, count, millis, percent, RANGES, type RangeKey, rangeOf, share} from './format';
import './observe.css';

const enc = encodeURIComponent;
const seconds = (at: string | undefined) => Math.floor(Date.parse(at ?? '') / 1000);

export function MetricsTab({project}: {project: Project}) {
  const [range, setRange] = useState<RangeKey>('1h');
  const id = project.id ?? '';
  const metrics = useQuery({
    queryKey: ['projects', id, 'metrics', range],
    queryFn: () => {
      const {from, to} = rangeOf(range);
      return api<MetricSeries>(`/projects/${enc(id)}/metrics?from=${enc(from)}&to=${enc(to)}`);
    },
    refetchInterval: range === '1h' ? 30_000 : false,
  });
  const analytics = useQuery({
    queryKey: ['projects', id, 'analytics', range],
    queryFn: () => {
      const {from, to} = rangeOf(range);
      return api<AnalyticsReport>(`/projects/${enc(id)}/analytics?from=${enc(from)}&to=${enc(to)}`);
    },
    refetchInterval: range === '1h' ? 30_000 : false,
  });
  return (
    <div>
      <div className="toolbar">
        <div className="range-field">
          <Field label="Range">
            {props => (
              <select {...props} value={range} onChange={event => setRange(event.target.value as RangeKey)}>
                {RANGES.map(r => <option key={r.key} value={r.key}>{r.label}</option>)}
              </select>
            )}
          </Field>
        </div>
      </div>
      {metrics.isPending ? <Loading what="Loading metrics" />
        : metrics.isError ? <ErrorState error={metrics.error} retry={() => metrics.refetch()} />
        : <ContainerCharts series={metrics.data} />}
      {analytics.isPending ? <Loading what="Loading requests" />
        : analytics.isError ? <ErrorState error={analytics.error} retry={() => analytics.refetch()} />
        : <Requests report={analytics.data} />}
    </div>
  );
}

function ContainerCharts({series}: {series: MetricSeries}) {
  const points: MetricPoint[] = series.total ?? [];
  if (!points.length) {
    return (
      <Empty title="No container metrics yet.">
        <p>They appear within a minute of the app running: one sample every 15 s.</p>
      </Empty>
    );
  }
  const times = points.map(p => seconds(p.at));
  const last = points[points.length - 1];
  const instances = series.instances?.length ?? 0;
  const of = (pick: (p: MetricPoint) => number | undefined) => points.map(p => pick(p) ?? null);
  const max = (values: (number | null)[]) => Math.max(0, ...values.map(v => v ?? 0));
  const cpu = of(p => p.cpuPercent);
  const rx = of(p => p.networkRxBytes);
  const tx = of(p => p.networkTxBytes);
  return (
    <div className="chart-grid">
      <ChartCard title="CPU" times={times}
        summary={`Now ${percent(last.cpuPercent)} of the limit, peak ${percent(max(cpu))}${instances > 1 ? `, summed over ${instances} containers` : ''}.`}
        lines={[{label: 'CPU', values: cpu, colour: '--accent', format: percent}]} />
      <ChartCard title="Memory" times={times}
        summary={`Now ${bytes(last.memoryBytes)} of ${bytes(last.memoryLimitBytes)}.`}
        lines={[
          {label: 'In use', values: of(p => p.memoryBytes), colour: '--accent', format: bytes},
          {label: 'Limit', values: of(p => p.memoryLimitBytes), colour: '--muted', format: bytes},
        ]} />
      <ChartCard title="Network" times={times}
        summary={`In ${bytes(rx.reduce<number>((a, v) => a + (v ?? 0), 0))}, out ${bytes(tx.reduce<number>((a, v) => a + (v ?? 0), 0))} over the range (${series.stepSeconds ?? '?'} s steps).`}
        lines={[
          {label: 'Received', values: rx, colour: '--ok', format: bytes},
          {label: 'Sent', values: tx, colour: '--accent', format: bytes},
        ]} />
    </div>
  );
}

function Requests({report}: {report: AnalyticsReport}) {
  const totals = report.totals;
  const requests = totals?.requests ?? 0;
  return (
    <section className="card chart-card" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests</h2>
      {!requests ? (
        <Empty title="No requests yet in this range.">
          <p>Requests to the app's address and its domains are counted here within seconds.</p>
        </Empty>
      ) : (
        <>
          <dl className="stat-row">
            <div><dt>Requests</dt><dd>{count(requests)}</dd></div>
            <div><dt>2xx</dt><dd>{share(totals?.status?.s2xx, requests)}</dd></div>
            <div><dt>3xx</dt><dd>{share(totals?.status?.s3xx, requests)}</dd></div>
            <div><dt>4xx</dt><dd>{share(totals?.status?.s4xx, requests)}</dd></div>
            <div><dt>5xx</dt><dd>{share(totals?.status?.s5xx, requests)}</dd></div>
            <div><dt>Latency p50</dt><dd>{millis(totals?.latencyMs?.p50)}</dd></div>
            <div><dt>p95</dt><dd>{millis(totals?.latencyMs?.p95)}</dd></div>
            <div><dt>p99</dt><dd>{millis(totals?.latencyMs?.p99)}</dd></div>
            <div><dt>Sent</dt><dd>{bytes(totals?.bytesSent)}</dd></div>
          </dl>
          <RequestCharts report={report} />
          {report.topPaths?.length ? (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Most requested paths</caption>
                <thead><tr><th>Path</th><th>Requests</th></tr></thead>
                <tbody>
                  {report.topPaths.slice(0, 10).map(p => (
                    <tr key={p.path}><td><code className="value">{p.path}</code></td><td>{count(p.requests)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function RequestCharts({report}: {report: AnalyticsReport}) {
  const points = report.series ?? [];
  if (!points.length) return null;
  const times = points.map(p => seconds(p.at));
  const status = (pick: (s: NonNullable<NonNullable<(typeof points)[number]['totals']>['status']>) => number | undefined) =>
    points.map(p => (p.totals?.status ? pick(p.totals.status) ?? 0 : 0));
  const latency = (pick: 'p50' | 'p95' | 'p99') => points.map(p => p.totals?.latencyMs?.[pick] ?? null);
  const per = report.granularity === 'minute' ? 'minute' : 'hour';
  return (
    <div className="chart-grid">
      <ChartCard title="Status mix" level={3} times={times} summary={`Requests per ${per}, by status class.`}
        lines={[
          {label: '2xx', values: status(s => s.s2xx), colour: '--ok', format: count},
          {label: '3xx', values: status(s => s.s3xx), colour: '--muted', format: count},
          {label: '4xx', values: status(s => s.s4xx), colour: '--busy', format: count},
          {label: '5xx', values: status(s => s.s5xx), colour: '--bad', format: count},
        ]} />
      <ChartCard title="Latency" level={3} times={times} summary={`Percentiles per ${per}.`}
        lines={[
          {label: 'p50', values: latency('p50'), colour: '--ok', format: millis},
          {label: 'p95', values: latency('p95'), colour: '--busy', format: millis},
          {label: 'p99', values: latency('p99'), colour: '--bad', format: millis},
        ]} />
    </div>
  );
}

interface ChartProps {
  title: string;
  summary: string;
  times: number[];
  lines: Line[];
  level?: 2 | 3;
}

function ChartCard({title, summary, times, lines, level = 2}: ChartProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <figure className={level === 2 ? 'card chart-card' : 'chart-card'} aria-label={`${title}: ${summary}`}>
      <Heading>{title}</Heading>
      <p className="chart-summary">{summary}</p>
      <Chart times={times} lines={lines} />
    </figure>
  );
}

function Chart({times, lines}: {times: number[]; lines: Line[]}) {
  const target = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // Drawn again only when the numbers change, not on every render of the tab.
  const signature = JSON.stringify([times, lines.map(line => [line.label, line.values])]);
  const latest = useRef({times, lines});
  latest.current = {times, lines};
  useEffect(() => {
    let undo: (() => void) | undefined;
    let cancelled = false;
    import('./chart').then(({draw}) => {
      if (!cancelled && target.current) undo = draw(target.current, latest.current.times, latest.current.lines);
    }).catch(error => setFailure(error));
    return () => {
      cancelled = true;
      undo?.();
    };
  }, [signature]);
  if (failure) return <ProblemMessage summary="The chart could not be drawn: reload the page to try again." />;
  return <div className="chart" ref={target} />;
}
