import type {Deployment} from '../api/types';
import {duration} from './format';
import {type PhaseMarks, stepsOf} from './stepper';

const STATE_WORDS = {pending: 'waiting', active: 'in progress', done: 'done', failed: 'failed', cancelled: 'cancelled'};

/** The live progress of one deployment: an ordered list, the current step announced to screen readers. */
export function Stepper({deployment, marks, now}: {deployment: Deployment | undefined; marks?: PhaseMarks; now?: number}) {
  const steps = stepsOf(deployment, marks, now);
  return (
    <ol className="stepper" aria-label="Deployment progress">
      {steps.map(step => (
        <li key={step.key} className={`step ${step.state}`} aria-current={step.state === 'active' ? 'step' : undefined}>
          <span className="step-dot" aria-hidden="true" />
          <span className="step-label">{step.label}</span>
          <span className="step-meta">
            <span className="visually-hidden">{STATE_WORDS[step.state]}</span>
            {step.took != null ? duration(step.took) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
