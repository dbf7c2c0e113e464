/** Small shared pieces: status badge, loading / empty / error states, problem and field-error messages. */
import {type ReactNode, useId} from 'react';
import {showProblem} from '../api/problems';
import {safeHttpUrl, statusTone, statusWords} from './format';

export function StatusBadge({status}: {status: string | null | undefined}) {
  return <span className={`badge ${statusTone(status)}`}>{statusWords(status)}</span>;
}

export function Loading({what = 'Loading'}: {what?: string}) {
  return <p className="state loading" role="status">{what}…</p>;
}

export function Empty({title, children}: {title: string; children?: ReactNode}) {
  return (
    <div className="state empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** An error with nothing to point at (a failed load): its problem-details message, once. */
export function ErrorState({error, retry}: {error: unknown; retry?: () => void}) {
  const {summary} = showProblem(error);
  return (
    <div className="state problem" role="alert">
      <p>{summary ?? 'Something went wrong.'}</p>
      {retry ? <button type="button" className="secondary" onClick={retry}>Try again</button> : null}
    </div>
  );
}

/** A form's summary line: only what its fields do not show already. */
export function ProblemMessage({summary}: {summary: string | null}) {
  if (!summary) return null;
  return <p className="problem" role="alert">{summary}</p>;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: {id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string}) => ReactNode;
}

/** A labelled form field with its hint and its error right under it. */
export function Field({label, error, hint, children}: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy})}
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

export function ExternalLink({url, children}: {url: string | null | undefined; children?: ReactNode}) {
  const safe = safeHttpUrl(url);
  if (!safe) return <span className="muted">—</span>;
  return <a href={safe} target="_blank" rel="noreferrer noopener">{children ?? safe.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>;
}

export function useShownProblem(error: unknown, labels: Record<string, string>) {
  return showProblem(error, labels);
}
