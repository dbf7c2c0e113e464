/** New database: type, name and an optional version; a quota or payment refusal is shown once, with Billing. */
import {useMutation, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {ApiError, showProblem} from '../../api/problems';
import {api} from '../../api/session';
import {href, navigate} from '../../router';
import {Field, ProblemMessage} from '../../ui/parts';
import {DATABASE_TYPES, type Database, databaseKeys, type NewDatabase, withoutSecret} from './api';
import './databases.css';

const LABELS = {type: 'Type', name: 'Name', version: 'Version'};

/** A refusal about the plan (403 Quota exceeded, 402 Payment required) gets a way to the plan's limits. */
export function isPlanRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 402 || (error.status === 403 && error.problem.title === 'Quota exceeded'));
}

export function NewDatabasePage() {
  const client = useQueryClient();
  const [form, setForm] = useState({type: 'postgresql', name: '', version: ''});
  const create = useMutation({
    mutationFn: () => {
      const body: NewDatabase = {type: form.type, name: form.name.trim()};
      if (form.version.trim()) body.version = form.version.trim();
      return api<Database>('/databases', {method: 'POST', body});
    },
    onSuccess: created => {
      client.setQueryData(databaseKeys.one(created.id), withoutSecret(created));
      client.invalidateQueries({queryKey: databaseKeys.all, exact: true});
      navigate(`/databases/${created.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };
  const set = (key: keyof typeof form) => (value: string) => setForm({...form, [key]: value});
  const {summary, fields} = showProblem(create.error, LABELS);
  return (
    <section aria-labelledby="new-database-title" className="narrow">
      <p className="crumbs"><a href={href('/databases')}>Databases</a> /</p>
      <h1 id="new-database-title">New database</h1>
      <form className="card" onSubmit={submit} noValidate>
        <Field label={LABELS.type} error={fields.type}>
          {props => (
            <select {...props} value={form.type} onChange={event => set('type')(event.target.value)}>
              {DATABASE_TYPES.map(type => <option key={type.value} value={type.value}>{type.label}</option>)}
            </select>
          )}
        </Field>
        <Field label={LABELS.name} error={fields.name} hint="1–40 lowercase letters, digits and dashes, starting with a letter.">
          {props => <input {...props} value={form.name} autoComplete="off" spellCheck={false} maxLength={40}
            onChange={event => set('name')(event.target.value)} />}
        </Field>
        <Field label={LABELS.version} error={fields.version} hint="Optional. Empty: the platform's default version of the type.">
          {props => <input {...props} value={form.version} autoComplete="off" onChange={event => set('version')(event.target.value)} />}
        </Field>
        <ProblemMessage summary={summary} />
        {isPlanRefusal(create.error)
          ? <p className="hint">Your plan sets how many databases you may have: see <a href={href('/billing')}>Billing</a> for its limits.</p>
          : null}
        <button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create database'}</button>
      </form>
    </section>
  );
}
