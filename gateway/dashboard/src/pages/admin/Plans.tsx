/**
 * Admin: plans (billing-service): list, create, edit (PUT replaces the plan: limits apply at once, a new price from
 * the next full hour), retire, delete (409 for a plan that is or was in use: retire it instead) and each plan's audit.
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {ApiError, showProblem} from '../../api/problems';
import {api} from '../../api/session';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {money} from '../billing/money';
import type {PlanAuditView, PlanRequest, PlanView} from '../billing/types';

const KEY = ['admin', 'plans'];
const DATABASES = ['postgresql', 'mysql', 'redis', 'mongodb'];
const NUMBERS = [
  ['cpuMillis', 'CPU (millicores)'], ['memoryMb', 'Memory (MB)'], ['diskMb', 'Disk (MB)'], ['maxInstances', 'Instances per app'],
  ['maxApps', 'Apps'], ['databaseDiskMb', 'Database disk (MB)'],
] as const;
type NumberField = typeof NUMBERS[number][0];

export const PLAN_LABELS: Record<string, string> = {
  name: 'Name', monthlyPrice: 'Monthly price', hourlyRate: 'Hourly rate', allowedRuntimes: 'Allowed runtimes',
  maxDatabasesPerType: 'Databases per type',
  ...Object.fromEntries(NUMBERS.map(([key, label]) => [key, label])),
  ...Object.fromEntries(DATABASES.map(type => [`maxDatabasesPerType[${type}]`, type])),
};

interface PlanForm {
  name: string;
  numbers: Record<NumberField, string>;
  databases: Record<string, string>;
  runtimes: string;
  monthlyPrice: string;
  hourlyRate: string;
}

const BLANK: PlanForm = {
  name: '', numbers: {cpuMillis: '500', memoryMb: '512', diskMb: '1024', maxInstances: '1', maxApps: '3', databaseDiskMb: '1024'},
  databases: Object.fromEntries(DATABASES.map(type => [type, '1'])), runtimes: '', monthlyPrice: '0.00', hourlyRate: '',
};

function formOf(plan: PlanView): PlanForm {
  return {
    name: plan.name,
    numbers: Object.fromEntries(NUMBERS.map(([key]) => [key, String(plan[key])])) as Record<NumberField, string>,
    databases: Object.fromEntries(DATABASES.map(type => [type, String(plan.maxDatabasesPerType?.[type] ?? 0)])),
    runtimes: (plan.allowedRuntimes ?? []).join(', '), monthlyPrice: plan.monthlyPrice, hourlyRate: plan.hourlyRate,
  };
}

const whole = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The form as the API takes it: empty numbers become null (the API names them), runtimes split on commas. */
export function requestOf(form: PlanForm): PlanRequest {
  const runtimes = form.runtimes.split(/[,\s]+/).map(r => r.trim()).filter(Boolean);
  return {
    name: form.name.trim(),
    ...Object.fromEntries(NUMBERS.map(([key]) => [key, whole(form.numbers[key])])) as Record<NumberField, number | null>,
    maxDatabasesPerType: Object.fromEntries(DATABASES.map(type => [type, whole(form.databases[type]) ?? 0])),
    allowedRuntimes: runtimes.length ? runtimes : null,
    monthlyPrice: form.monthlyPrice.trim(),
    hourlyRate: form.hourlyRate.trim() || null,
  };
}

/** Why a plan cannot be deleted, in words that say what to do instead. */
export function deleteProblem(error: unknown): string | null {
  if (error instanceof ApiError && error.status === 409) {
    return `${showProblem(error).summary ?? 'The plan is or was in use.'} A plan that accounts use or used stays for their history: retire it instead, so no one can choose it any more.`;
  }
  return showProblem(error).summary;
}

export function PlansAdmin() {
  const client = useQueryClient();
  const plans = useQuery({queryKey: KEY, queryFn: () => api<PlanView[]>('/admin/plans')});
  const [editing, setEditing] = useState<PlanView | null>(null);
  const [form, setForm] = useState<PlanForm>(BLANK);
  const [audited, setAudited] = useState<PlanView | null>(null);
  const invalidate = () => Promise.all([client.invalidateQueries({queryKey: KEY}), client.invalidateQueries({queryKey: ['billing', 'plans']})]);
  const save = useMutation({
    mutationFn: (body: PlanRequest) => editing
      ? api<PlanView>(`/admin/plans/${encodeURIComponent(editing.id)}`, {method: 'PUT', body})
      : api<PlanView>('/admin/plans', {method: 'POST', body}),
    onSuccess: () => { setEditing(null); setForm(BLANK); },
    onSettled: invalidate,
  });
  const act = useMutation({
    mutationFn: ({plan, action}: {plan: PlanView; action: 'retire' | 'delete'}) => action === 'retire'
      ? api(`/admin/plans/${encodeURIComponent(plan.id)}/retire`, {method: 'POST'})
      : api(`/admin/plans/${encodeURIComponent(plan.id)}`, {method: 'DELETE'}),
    onSettled: invalidate,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(requestOf(form));
  };
  const {summary, fields} = showProblem(save.error, PLAN_LABELS);
  const number = (key: NumberField) => (event: {target: {value: string}}) => setForm(f => ({...f, numbers: {...f.numbers, [key]: event.target.value}}));
  return (
    <div className="stack">
      <div className="card">
        <h2>Plans</h2>
        <ProblemMessage summary={act.variables?.action === 'delete' ? deleteProblem(act.error) : showProblem(act.error).summary} />
        {plans.isPending ? <Loading what="Loading the plans" />
          : plans.isError ? <ErrorState error={plans.error} retry={() => plans.refetch()} />
          : !plans.data.length ? <Empty title="No plans yet." />
          : (
            <table className="responsive">
              <thead><tr><th>Name</th><th>Status</th><th className="amount">Monthly</th><th>Limits</th><th>Changed</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {plans.data.map(plan => (
                  <tr key={plan.id}>
                    <td data-label="Name"><strong>{plan.name}</strong></td>
                    <td data-label="Status"><span className={`badge ${plan.status === 'ACTIVE' ? 'ok' : 'idle'}`}>{plan.status.toLowerCase()}</span></td>
                    <td data-label="Monthly" className="amount">{money(plan.monthlyPrice)}</td>
                    <td data-label="Limits" className="wrap">{plan.maxApps} apps × {plan.maxInstances}, {plan.cpuMillis / 1000} CPU, {plan.memoryMb} MB</td>
                    <td data-label="Changed" title={absoluteTime(plan.updatedAt)}>{relativeTime(plan.updatedAt)}</td>
                    <td data-label="Actions" className="actions">
                      <button type="button" className="secondary" onClick={() => { setEditing(plan); setForm(formOf(plan)); save.reset(); }}>Edit</button>
                      <button type="button" className="secondary" onClick={() => setAudited(plan)}>Audit</button>
                      {plan.status === 'ACTIVE' ? (
                        <button type="button" className="secondary" disabled={act.isPending}
                          onClick={() => { if (confirm(`Retire ${plan.name}? No one can choose it any more; accounts on it keep it.`)) act.mutate({plan, action: 'retire'}); }}>Retire</button>
                      ) : null}
                      <button type="button" className="danger" disabled={act.isPending}
                        onClick={() => { if (confirm(`Delete ${plan.name}? Only a plan that no account ever used can be deleted.`)) act.mutate({plan, action: 'delete'}); }}>Delete</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </div>
      {audited ? <PlanAudit plan={audited} close={() => setAudited(null)} /> : null}
      <form className="card" onSubmit={submit} noValidate>
        <h2>{editing ? `Edit ${editing.name}` : 'New plan'}</h2>
        {editing ? <p className="hint">Saving replaces the plan: new limits reach its accounts at once, a new price applies from the next full hour.</p> : null}
        <div className="form-grid">
          <Field label={PLAN_LABELS.name} error={fields.name} hint="Lower-case letters, digits and '-'.">{props => <input {...props} value={form.name} onChange={e => setForm(f => ({...f, name: e.target.value}))} />}</Field>
          <Field label={PLAN_LABELS.monthlyPrice} error={fields.monthlyPrice} hint="For example 20.00.">{props => <input {...props} inputMode="decimal" value={form.monthlyPrice} onChange={e => setForm(f => ({...f, monthlyPrice: e.target.value}))} />}</Field>
          <Field label={PLAN_LABELS.hourlyRate} error={fields.hourlyRate} hint="Empty: the monthly price over 730 hours.">{props => <input {...props} inputMode="decimal" value={form.hourlyRate} onChange={e => setForm(f => ({...f, hourlyRate: e.target.value}))} />}</Field>
          {NUMBERS.map(([key, label]) => (
            <Field key={key} label={label} error={fields[key]}>{props => <input {...props} type="number" min={0} value={form.numbers[key]} onChange={number(key)} />}</Field>
          ))}
          <fieldset>
            <legend>Databases per type</legend>
            {fields.maxDatabasesPerType ? <p className="field-error">{fields.maxDatabasesPerType}</p> : null}
            <div className="form-grid">
              {DATABASES.map(type => (
                <Field key={type} label={type} error={fields[`maxDatabasesPerType[${type}]`]}>
                  {props => <input {...props} type="number" min={0} value={form.databases[type]} onChange={e => setForm(f => ({...f, databases: {...f.databases, [type]: e.target.value}}))} />}
                </Field>
              ))}
            </div>
          </fieldset>
          <Field label={PLAN_LABELS.allowedRuntimes} error={fields.allowedRuntimes} hint="Comma-separated, such as node, python. Empty: every runtime.">{props => <input {...props} value={form.runtimes} onChange={e => setForm(f => ({...f, runtimes: e.target.value}))} />}</Field>
        </div>
        <ProblemMessage summary={summary} />
        <div className="actions">
          <button type="submit" disabled={save.isPending}>{editing ? 'Save plan' : 'Create plan'}</button>
          {editing ? <button type="button" className="secondary" onClick={() => { setEditing(null); setForm(BLANK); save.reset(); }}>Cancel</button> : null}
        </div>
      </form>
    </div>
  );
}

function PlanAudit({plan, close}: {plan: PlanView; close: () => void}) {
  const audit = useQuery({queryKey: [...KEY, plan.id, 'audit'], queryFn: () => api<PlanAuditView[]>(`/admin/plans/${encodeURIComponent(plan.id)}/audit`)});
  return (
    <div className="card" aria-labelledby="plan-audit-title">
      <div className="page-head">
        <h2 id="plan-audit-title" className="grow">Audit of {plan.name}</h2>
        <button type="button" className="secondary" onClick={close}>Close audit</button>
      </div>
      {audit.isPending ? <Loading what="Loading the plan's audit" />
        : audit.isError ? <ErrorState error={audit.error} retry={() => audit.refetch()} />
        : !audit.data.length ? <Empty title="No changes recorded." />
        : (
          <table className="responsive">
            <thead><tr><th>Time</th><th>Action</th><th>Administrator</th><th>Plan after</th></tr></thead>
            <tbody>
              {audit.data.map(entry => (
                <tr key={`${entry.at}-${entry.action}`}>
                  <td data-label="Time" title={absoluteTime(entry.at)}>{relativeTime(entry.at)}</td>
                  <td data-label="Action"><code>{entry.action.toLowerCase()}</code></td>
                  <td data-label="Administrator"><code>{entry.actorId ?? 'system'}</code></td>
                  <td data-label="Plan after"><details><summary>JSON</summary><pre className="statement-json" tabIndex={0}>{JSON.stringify(entry.plan, null, 2)}</pre></details></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </div>
  );
}
