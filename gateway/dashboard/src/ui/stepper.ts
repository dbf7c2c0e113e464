/**
 * A deployment's progress as five steps: clone, detect, build, start, healthy. The build steps take their times
 * from the build log's phase markers (clone, detect, install/build/image, deploy); start and healthy from the
 * deployment's deployingAt and finishedAt.
 */
import type {Deployment} from '../api/types';
import {between} from './format';

export type StepState = 'pending' | 'active' | 'done' | 'failed' | 'cancelled';

export interface Step {
  key: 'clone' | 'detect' | 'build' | 'start' | 'healthy';
  label: string;
  state: StepState;
  /** Milliseconds spent in the step so far (active) or in all (done); null when it has not started. */
  took: number | null;
}

/** When each build phase started, by wire name (from the build log's `phase` events). */
export type PhaseMarks = Partial<Record<string, string>>;

const LABELS: Record<Step['key'], string> = {
  clone: 'Clone', detect: 'Detect', build: 'Build', start: 'Start', healthy: 'Healthy',
};

export function stepsOf(deployment: Deployment | undefined, marks: PhaseMarks = {}, now = Date.now()): Step[] {
  const status = String(deployment?.status ?? '').toUpperCase();
  const buildAt = marks.install ?? marks.build ?? marks.image;
  const starts: Record<Step['key'], string | null | undefined> = {
    clone: marks.clone ?? deployment?.buildStartedAt,
    detect: marks.detect,
    build: buildAt,
    start: deployment?.deployingAt ?? marks.deploy,
    healthy: status === 'RUNNING' || status === 'REPLACED' ? deployment?.finishedAt : null,
  };
  const ends: Record<Step['key'], string | null | undefined> = {
    clone: marks.detect ?? buildAt,
    detect: buildAt,
    build: marks.deploy ?? deployment?.deployingAt,
    start: starts.healthy,
    healthy: starts.healthy,
  };
  const order: Step['key'][] = ['clone', 'detect', 'build', 'start', 'healthy'];
  const reached = order.reduce((last, key, index) => (starts[key] ? index : last), -1);

  let current: number;
  let ending: StepState | null = null;
  if (status === 'RUNNING' || status === 'REPLACED') current = order.length;
  else if (status === 'QUEUED' || !status) current = -1;
  else if (status === 'DEPLOYING') current = Math.max(3, reached);
  else if (status === 'BUILDING') current = Math.min(Math.max(0, reached), 2);
  else {
    // FAILED or CANCELLED: it stopped in the last step it had reached.
    current = Math.max(0, reached);
    ending = status === 'CANCELLED' ? 'cancelled' : 'failed';
  }

  return order.map((key, index) => {
    let state: StepState = 'pending';
    if (index < current) state = 'done';
    else if (index === current) state = ending ?? 'active';
    const end = state === 'done' ? ends[key] ?? (key === 'healthy' ? starts[key] : null)
      : state === 'active' ? null
      : deployment?.finishedAt;
    let took = state === 'pending' ? null : between(starts[key], end, now);
    if (key === 'healthy') took = null;
    return {key, label: LABELS[key], state, took};
  });
}
