import {render, screen, within} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import type {Deployment} from '../api/types';
import {Stepper} from './Stepper';
import {stepsOf} from './stepper';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('stepsOf', () => {
  it('marks the phase the build is in as active, with the durations of the steps before it', () => {
    const deployment: Deployment = {status: 'BUILDING', createdAt: at(0), buildStartedAt: at(1)};
    const marks = {clone: at(1), detect: at(4), install: at(6)};

    const steps = stepsOf(deployment, marks, T0 + 36_000);

    expect(steps.map(step => [step.key, step.state, step.took])).toEqual([
      ['clone', 'done', 3000], ['detect', 'done', 2000], ['build', 'active', 30000],
      ['start', 'pending', null], ['healthy', 'pending', null],
    ]);
  });

  it('shows a running deployment as all done and a failed one where it stopped', () => {
    const running = stepsOf({status: 'RUNNING', buildStartedAt: at(0), deployingAt: at(20), finishedAt: at(25)},
      {clone: at(0), detect: at(2), build: at(3), deploy: at(20)});
    expect(running.map(step => step.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(running[3].took).toBe(5000);

    const failed = stepsOf({status: 'FAILED', buildStartedAt: at(0), finishedAt: at(9)}, {clone: at(0), detect: at(2), build: at(3)});
    expect(failed.map(step => step.state)).toEqual(['done', 'done', 'failed', 'pending', 'pending']);
    expect(failed[2].took).toBe(6000);
  });

  it('leaves a queued deployment waiting at the first step', () => {
    expect(stepsOf({status: 'QUEUED'}).every(step => step.state === 'pending')).toBe(true);
  });
});

describe('Stepper', () => {
  it('announces the current step and shows durations', () => {
    render(<Stepper deployment={{status: 'DEPLOYING', buildStartedAt: at(0), deployingAt: at(40)}}
      marks={{clone: at(0), detect: at(5), build: at(10)}} now={T0 + 47_000} />);

    const list = screen.getByRole('list', {name: 'Deployment progress'});
    const items = within(list).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Clonedone5 s', 'Detectdone5 s', 'Builddone30 s', 'Startin progress7 s', 'Healthywaiting',
    ]);
    expect(items[3].getAttribute('aria-current')).toBe('step');
  });
});
