/**
 * Environment variables: masked values with reveal, add / change / delete one, replace all from a pasted .env, and
 * the stack's suggestions to accept. Changes apply from the next deployment on.
 */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {keys, useSuggestions, useVariables} from '../../api/queries';
import {api} from '../../api/session';
import type {Project, Variable, Variables} from '../../api/types';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';

const enc = encodeURIComponent;
const LABELS = {key: 'Name', value: 'Value'};

export function VariablesTab({project}: {project: Project}) {
  const id = project.id!;
  const variables = useVariables(id);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [revealError, setRevealError] = useState<unknown>(null);
  const [draft, setDraft] = useState({key: '', value: ''});
  const client = useQueryClient();

  const reveal = async (key: string) => {
    if (key in revealed) {
      setRevealed(({[key]: _hidden, ...rest}) => rest);
      return;
    }
    try {
      const all = await api<Variables>(`/projects/${enc(id)}/env?reveal=true`);
      const found = all.variables?.find(v => v.key === key && v.source === 'owner');
      if (found) setRevealed(previous => ({...previous, [key]: found.value ?? ''}));
      setRevealError(null);
    } catch (error) {
      setRevealError(error);
    }
  };

  const remove = useMutation({
    mutationFn: (key: string) => api(`/projects/${enc(id)}/env/${enc(key)}`, {method: 'DELETE'}),
    onSettled: () => client.invalidateQueries({queryKey: keys.env(id)}),
  });

  return (
    <div className="grid">
      <div className="card wide">
        <h2>Variables</h2>
        <p className="hint">Values are encrypted and masked; new values reach the app on its next deployment.</p>
        <ProblemMessage summary={showProblem(revealError ?? remove.error).summary} />
        {variables.isPending ? <Loading what="Loading variables" />
          : variables.isError ? <ErrorState error={variables.error} retry={() => variables.refetch()} />
          : !variables.data.variables?.length ? <Empty title="No variables yet.">Add one below, or paste a .env file.</Empty>
          : (
            <table className="responsive vars">
              <thead><tr><th>Name</th><th>Value</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {variables.data.variables.map((variable: Variable) => {
                  const own = variable.source === 'owner';
                  return (
                    <tr key={`${variable.source}-${variable.key}`}>
                      <td data-label="Name"><code>{variable.key}</code>
                        {!own ? <div className="hint">from a linked database{variable.overridden ? ', overridden by yours' : ''}</div> : null}</td>
                      <td data-label="Value"><code className="value">{variable.key! in revealed && own ? revealed[variable.key!] : variable.value}</code></td>
                      <td data-label="Actions" className="actions">
                        {own ? <>
                          <button type="button" className="secondary" onClick={() => reveal(variable.key!)}
                            aria-label={`${variable.key! in revealed ? 'Hide' : 'Reveal'} ${variable.key}`}>{variable.key! in revealed ? 'Hide' : 'Reveal'}</button>
                          <button type="button" className="secondary" onClick={() => setDraft({key: variable.key!, value: revealed[variable.key!] ?? ''})}
                            aria-label={`Change ${variable.key}`}>Change</button>
                          <button type="button" className="danger" disabled={remove.isPending}
                            onClick={() => { if (confirm(`Delete ${variable.key}?`)) remove.mutate(variable.key!); }}
                            aria-label={`Delete ${variable.key}`}>Delete</button>
                        </> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
      </div>
      <VariableForm projectId={id} draft={draft} setDraft={setDraft} onSaved={key => setRevealed(({[key]: _old, ...rest}) => rest)} />
      <Suggestions projectId={id} existing={(variables.data?.variables ?? []).map(v => v.key ?? '')}
        accept={(key, value) => setDraft({key, value})} />
      <DotEnv projectId={id} />
    </div>
  );
}

function VariableForm({projectId, draft, setDraft, onSaved}: {
  projectId: string; draft: {key: string; value: string}; setDraft: (d: {key: string; value: string}) => void; onSaved: (key: string) => void;
}) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => api(`/projects/${enc(projectId)}/env/${enc(draft.key.trim())}`, {method: 'PUT', body: {value: draft.value}}),
    onSuccess: () => { onSaved(draft.key.trim()); setDraft({key: '', value: ''}); },
    onSettled: () => client.invalidateQueries({queryKey: keys.env(projectId)}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const {summary, fields} = showProblem(save.error, LABELS);
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Add or change a variable</h2>
      <Field label={LABELS.key} error={fields.key}>
        {props => <input {...props} required value={draft.key} placeholder="DATABASE_URL" autoComplete="off" spellCheck={false}
          onChange={event => setDraft({...draft, key: event.target.value})} />}
      </Field>
      <Field label={LABELS.value} error={fields.value}>
        {props => <input {...props} value={draft.value} autoComplete="off" spellCheck={false}
          onChange={event => setDraft({...draft, value: event.target.value})} />}
      </Field>
      <ProblemMessage summary={summary} />
      <button type="submit" disabled={save.isPending || !draft.key.trim()}>{save.isPending ? 'Saving…' : 'Save variable'}</button>
    </form>
  );
}

function Suggestions({projectId, existing, accept}: {projectId: string; existing: string[]; accept: (key: string, value: string) => void}) {
  const suggestions = useSuggestions(projectId);
  const open = (suggestions.data ?? []).filter(s => s.name && !existing.includes(s.name));
  return (
    <div className="card">
      <h2>Suggestions</h2>
      {suggestions.isPending ? <Loading what="Loading suggestions" />
        : suggestions.isError ? <ErrorState error={suggestions.error} retry={() => suggestions.refetch()} />
        : !open.length ? <Empty title="No suggestions.">They appear once a build has detected the stack.</Empty>
        : (
          <ul className="suggestions">
            {open.map(s => (
              <li key={s.name}>
                <code>{s.name}</code>{s.required ? <span className="badge bad">required</span> : null}
                <p className="hint">{s.reason}</p>
                <button type="button" className="secondary" onClick={() => accept(s.name!, s.example ?? '')}>Use</button>
              </li>
            ))}
          </ul>
        )}
    </div>
  );
}

function DotEnv({projectId}: {projectId: string}) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const replace = useMutation({
    mutationFn: () => api(`/projects/${enc(projectId)}/env`, {method: 'PUT', text}),
    onSuccess: () => { setText(''); setDone(true); },
    onSettled: () => client.invalidateQueries({queryKey: keys.env(projectId)}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (replace.isPending) return;
    if (confirm('Replace all of your variables with the pasted ones? Variables not in the paste are removed.')) replace.mutate();
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>Paste a .env</h2>
      <Field label=".env contents" hint="One KEY=value per line; this replaces all of your variables.">
        {props => <textarea {...props} rows={6} value={text} spellCheck={false} onChange={event => { setText(event.target.value); setDone(false); }} />}
      </Field>
      <ProblemMessage summary={showProblem(replace.error).summary} />
      {done ? <p className="notice-inline" role="status">Variables replaced.</p> : null}
      <button type="submit" disabled={replace.isPending || !text.trim()}>Replace variables</button>
    </form>
  );
}
