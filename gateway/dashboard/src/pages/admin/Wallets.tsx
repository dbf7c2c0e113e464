/** Admin: a wallet adjustment (billing-service), audited with the administrator and the reason. */
import {useMutation, useQuery} from '@tanstack/react-query';
import {type FormEvent, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api} from '../../api/session';
import type {AdjustmentRequest, UserDetails} from '../../api/types';
import {money, newIdempotencyKey} from '../billing/money';
import type {EntryView} from '../billing/types';
import {Field, ProblemMessage} from '../../ui/parts';

const LABELS = {userId: 'User ID', amount: 'Amount', currency: 'Currency', reason: 'Reason'};
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function WalletsAdmin() {
  const users = useQuery({queryKey: ['admin', 'users'], queryFn: () => api<UserDetails[]>('/admin/users')});
  const [form, setForm] = useState({userId: '', amount: '', currency: 'USD', reason: ''});
  const [key, setKey] = useState(newIdempotencyKey);
  const [badUser, setBadUser] = useState<string | null>(null);
  const adjust = useMutation({
    mutationFn: ({userId, amount, currency, reason}: typeof form) => api<EntryView>(`/admin/billing/wallets/${encodeURIComponent(userId)}/adjustments`,
      {method: 'POST', body: {amount, currency, reason} satisfies AdjustmentRequest, headers: {'Idempotency-Key': key}}),
    onSuccess: () => { setKey(newIdempotencyKey()); setForm(current => ({...current, amount: '', reason: ''})); },
  });
  const set = (name: keyof typeof form) => (event: {target: {value: string}}) => {
    setForm(current => ({...current, [name]: event.target.value}));
    // A changed form is a new adjustment, not a repeat of the one that failed.
    setKey(newIdempotencyKey());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const userId = form.userId.trim();
    if (!UUID_SHAPE.test(userId)) {
      setBadUser(userId ? 'Not a user ID: paste it from the Users page, such as 0190c8e2-…' : 'Required.');
      return;
    }
    setBadUser(null);
    if (!adjust.isPending) adjust.mutate({...form, userId, amount: form.amount.trim(), currency: form.currency.trim(), reason: form.reason.trim()});
  };
  const {summary, fields} = showProblem(adjust.error, LABELS);
  const who = users.data?.find(u => u.id === form.userId.trim());
  return (
    <form className="card narrow" onSubmit={submit} noValidate>
      <h2>Adjust a wallet</h2>
      <p className="hint">A positive amount credits the wallet, a negative one debits it. Every adjustment is audited with you and the reason.</p>
      <Field label={LABELS.userId} error={badUser ?? fields.userId} hint={who ? `${who.email}` : 'Choose from the list or paste an ID from the Users page.'}>
        {props => <input {...props} list="admin-wallet-users" autoComplete="off" value={form.userId} onChange={set('userId')} />}
      </Field>
      <datalist id="admin-wallet-users">
        {(users.data ?? []).map(u => <option key={u.id} value={u.id}>{u.email}</option>)}
      </datalist>
      <Field label={LABELS.amount} error={fields.amount} hint="For example 10.00 or -5.00.">
        {props => <input {...props} inputMode="decimal" autoComplete="off" value={form.amount} onChange={set('amount')} />}
      </Field>
      <Field label={LABELS.currency} error={fields.currency}>{props => <input {...props} value={form.currency} onChange={set('currency')} />}</Field>
      <Field label={LABELS.reason} error={fields.reason}>{props => <textarea {...props} rows={3} value={form.reason} onChange={set('reason')} />}</Field>
      <ProblemMessage summary={summary} />
      <button type="submit" disabled={adjust.isPending}>Adjust wallet</button>
      {adjust.isSuccess ? <p role="status">Adjusted by {money(adjust.data.amount)}: the balance is now {money(adjust.data.balanceAfter)}.</p> : null}
    </form>
  );
}
