/**
 * Billing: the plan and its limits (with Change plan), the wallet (balance, hourly burn, recent entries), usage per
 * resource over a range, monthly statements (JSON view and CSV download) and top-ups by card through Stripe
 * Checkout. Stripe sends the browser back to #/billing?topup=paid|cancelled; the outcome is shown once and the wallet
 * is fetched again.
 */
import {useMutation, useQuery, useQueryClient} from '@tanstack/react-query';
import {type FormEvent, useEffect, useState} from 'react';
import {showProblem} from '../../api/problems';
import {api, authorizedFetch} from '../../api/session';
import {navigate} from '../../router';
import {absoluteTime, relativeTime} from '../../ui/format';
import {Empty, ErrorState, Field, Loading, ProblemMessage} from '../../ui/parts';
import {billingKeys} from './Banner';
import {dayOf, hoursLeft, money, monthOf} from './money';
import type {
  AccountPlanView, NewTopUp, PlanChoice, PlanView, StatementView, TopUpView, UsageView, WalletView,
} from './types';
import './billing.css';

const enc = encodeURIComponent;

/** `?topup=paid` or `?topup=cancelled` of the billing route. */
export function topUpOutcome(path: string): 'paid' | 'cancelled' | null {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  const value = new URLSearchParams(query).get('topup');
  return value === 'paid' || value === 'cancelled' ? value : null;
}

export function BillingPage({path, redirect = url => window.location.assign(url)}: {path: string; redirect?: (url: string) => void}) {
  const [outcome] = useState(() => topUpOutcome(path));
  const client = useQueryClient();
  useEffect(() => {
    if (!outcome) return;
    // The query has been read: drop it, so a reload does not announce the payment again.
    navigate('/billing', true);
    client.invalidateQueries({queryKey: ['billing']});
  }, [outcome, client]);
  return (
    <section aria-labelledby="billing-title">
      <h1 id="billing-title">Billing</h1>
      {outcome === 'paid' ? (
        <p className="notice-inline" role="status">Thank you: your payment went through. The wallet shows it as soon as Stripe confirms it.</p>
      ) : outcome === 'cancelled' ? (
        <p className="notice-inline" role="status">The top-up was cancelled: nothing was charged.</p>
      ) : null}
      <div className="grid">
        <Wallet waitingForPayment={outcome === 'paid'} />
        <TopUp redirect={redirect} />
        <Plan />
      </div>
      <Usage />
      <Statements />
    </section>
  );
}

function Wallet({waitingForPayment}: {waitingForPayment: boolean}) {
  const [since] = useState(() => Date.now());
  const wallet = useQuery({
    queryKey: billingKeys.wallet,
    queryFn: () => api<WalletView>('/billing/wallet?limit=20'),
    // After Stripe's return, look again for a minute: the webhook credits the wallet shortly after.
    refetchInterval: () => (waitingForPayment && Date.now() - since < 60_000 ? 5_000 : false),
  });
  return (
    <div className="card wide" aria-labelledby="wallet-title">
      <h2 id="wallet-title">Wallet</h2>
      {wallet.isPending ? <Loading what="Loading your wallet" />
        : wallet.isError ? <ErrorState error={wallet.error} retry={() => wallet.refetch()} />
        : <WalletBody wallet={wallet.data} />}
    </div>
  );
}

function WalletBody({wallet}: {wallet: WalletView}) {
  const hours = hoursLeft(wallet.balance, wallet.hourlyBurn);
  return (
    <>
      <p className="balance">{money(wallet.balance, wallet.currency)}</p>
      <dl className="facts">
        <div><dt>Hourly burn</dt><dd>{money(wallet.hourlyBurn, wallet.currency)} / h</dd></div>
        <div><dt>Lasts</dt><dd>{hours === null ? (Number(wallet.balance) > 0 ? 'nothing is charging now' : '—') : `about ${hours} h`}</dd></div>
      </dl>
      <h3>Recent entries</h3>
      {!wallet.entries.length ? <Empty title="No entries yet." /> : (
        <table className="responsive">
          <thead><tr><th>When</th><th>What</th><th className="amount">Amount</th><th className="amount">Balance</th></tr></thead>
          <tbody>
            {wallet.entries.map(entry => (
              <tr key={entry.id}>
                <td data-label="When" title={absoluteTime(entry.at)}>{relativeTime(entry.at)}</td>
                <td data-label="What" className="wrap">{entry.description || entry.kind.toLowerCase().replaceAll('_', ' ')}</td>
                <td data-label="Amount" className={`amount${Number(entry.amount) > 0 ? ' credit' : ''}`}>{money(entry.amount)}</td>
                <td data-label="Balance" className="amount">{money(entry.balanceAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const TOPUP_LABELS = {amount: 'Amount', currency: 'Amount'};

export function TopUp({redirect}: {redirect: (url: string) => void}) {
  const client = useQueryClient();
  const wallet = useQuery({queryKey: billingKeys.wallet, queryFn: () => api<WalletView>('/billing/wallet?limit=20')});
  const [amount, setAmount] = useState('10.00');
  const start = useMutation({
    mutationFn: () => api<TopUpView>('/billing/topups', {method: 'POST', body: {amount: amount.trim(), currency: wallet.data?.currency ?? 'USD'} satisfies NewTopUp}),
    onSuccess: topUp => {
      if (topUp.url) redirect(topUp.url);
      else client.invalidateQueries({queryKey: billingKeys.topups});
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!start.isPending) start.mutate();
  };
  const {summary, fields} = showProblem(start.error, TOPUP_LABELS);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="topup-title">
      <h2 id="topup-title">Top up</h2>
      <p className="hint">Pay by card on Stripe's page; you come back here afterwards.</p>
      <Field label="Amount" error={fields.amount ?? fields.currency} hint={wallet.data ? `In ${wallet.data.currency}.` : undefined}>
        {props => <input {...props} inputMode="decimal" autoComplete="off" value={amount} onChange={event => setAmount(event.target.value)} />}
      </Field>
      <ProblemMessage summary={summary} />
      <button type="submit" disabled={start.isPending || start.isSuccess}>{start.isPending || start.isSuccess ? 'Opening Stripe…' : 'Top up'}</button>
    </form>
  );
}

function limits(plan: PlanView): [string, string][] {
  const databases = Object.entries(plan.maxDatabasesPerType ?? {}).map(([type, count]) => `${count} ${type}`).join(', ');
  return [
    ['Price', `${money(plan.monthlyPrice)} / month (${money(plan.hourlyRate)} / h)`],
    ['CPU', `${plan.cpuMillis / 1000} cores`],
    ['Memory', `${plan.memoryMb} MB`],
    ['Disk', `${plan.diskMb} MB`],
    ['Apps', String(plan.maxApps)],
    ['Instances', String(plan.maxInstances)],
    ['Databases', databases || 'none'],
    ['Database disk', `${plan.databaseDiskMb} MB`],
    ['Runtimes', plan.allowedRuntimes?.length ? plan.allowedRuntimes.join(', ') : 'all'],
  ];
}

export function Plan() {
  const client = useQueryClient();
  const plan = useQuery({queryKey: billingKeys.plan, queryFn: () => api<AccountPlanView>('/billing/plan')});
  const plans = useQuery({queryKey: billingKeys.plans, queryFn: () => api<PlanView[]>('/billing/plans')});
  const [choice, setChoice] = useState('');
  const change = useMutation({
    mutationFn: (planId: string) => api<AccountPlanView>('/billing/plan', {method: 'PUT', body: {planId} satisfies PlanChoice}),
    onSuccess: next => client.setQueryData(billingKeys.plan, next),
    onSettled: () => client.invalidateQueries({queryKey: ['billing']}),
  });
  const chosen = plans.data?.find(p => p.id === choice);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen && !change.isPending
      && confirm(`Change your plan to ${chosen.name}? It is charged from the next full hour; its limits apply at once.`)) {
      change.mutate(chosen.id);
    }
  };
  const {summary, fields} = showProblem(change.error, {planId: 'Plan'});
  return (
    <div className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan</h2>
      {plan.isPending ? <Loading what="Loading your plan" />
        : plan.isError ? <ErrorState error={plan.error} retry={() => plan.refetch()} />
        : (
          <>
            <p className="lead"><strong>{plan.data.name}</strong>{plan.data.since ? <span className="muted"> since {absoluteTime(plan.data.since)}</span> : null}</p>
            {plan.data.next ? <p className="notice-inline">Changes to <strong>{plan.data.next.name}</strong> on {absoluteTime(plan.data.next.effectiveFrom)}.</p> : null}
            <dl className="facts">{limits(plan.data.plan).map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}</dl>
          </>
        )}
      <h3>Change plan</h3>
      {plans.isPending ? <Loading what="Loading the plans" />
        : plans.isError ? <ErrorState error={plans.error} retry={() => plans.refetch()} />
        : !plans.data.length ? <Empty title="No plans to choose from." />
        : (
          <form className="inline-form" onSubmit={submit}>
            <Field label="Plan" error={fields.planId} hint="Charged from the next full hour; its limits apply at once.">
              {props => (
                <select {...props} value={choice} onChange={event => setChoice(event.target.value)}>
                  <option value="">Choose a plan</option>
                  {plans.data.map(p => (
                    <option key={p.id} value={p.id} disabled={p.id === plan.data?.planId}>
                      {p.name}: {money(p.monthlyPrice)} / month{p.id === plan.data?.planId ? ' (current)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" disabled={!chosen || change.isPending}>Change plan</button>
          </form>
        )}
      <ProblemMessage summary={summary} />
      {change.isSuccess ? <p role="status">Plan changed: {change.data.next?.name ?? change.data.name} is charged from {absoluteTime(change.data.next?.effectiveFrom) || 'the next full hour'}.</p> : null}
    </div>
  );
}

function Usage() {
  const now = new Date();
  const [from, setFrom] = useState(() => dayOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))));
  const [to, setTo] = useState(() => dayOf(new Date(now.getTime() + 86_400_000)));
  const usage = useQuery({
    queryKey: billingKeys.usage(from, to),
    queryFn: () => api<UsageView>(`/billing/usage?${new URLSearchParams({from, to})}`),
    enabled: Boolean(from && to),
  });
  const {summary, fields} = showProblem(usage.error, {from: 'From', to: 'To'});
  return (
    <div className="card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage</h2>
      <div className="inline-form">
        <Field label="From" error={fields.from}>{props => <input {...props} type="date" value={from} onChange={event => setFrom(event.target.value)} />}</Field>
        <Field label="To" error={fields.to} hint="Up to, not including, this day (UTC).">{props => <input {...props} type="date" value={to} onChange={event => setTo(event.target.value)} />}</Field>
      </div>
      {usage.isPending ? <Loading what="Loading usage" />
        : usage.isError ? (summary ? <ErrorState error={usage.error} retry={() => usage.refetch()} /> : null)
        : !usage.data.resources.length ? <Empty title="No usage in this range." />
        : (
          <table className="responsive">
            <thead><tr><th>Resource</th><th>Kind</th><th className="amount">Hours</th><th className="amount">Instance-hours</th><th className="amount">Most instances</th><th className="amount">Amount</th></tr></thead>
            <tbody>
              {usage.data.resources.map(resource => (
                <tr key={`${resource.kind}-${resource.resourceId}`}>
                  <td data-label="Resource" className="wrap">{resource.name ?? resource.resourceId}</td>
                  <td data-label="Kind">{resource.kind.toLowerCase()}</td>
                  <td data-label="Hours" className="amount">{resource.hours}</td>
                  <td data-label="Instance-hours" className="amount">{resource.instanceHours}</td>
                  <td data-label="Most instances" className="amount">{resource.maxInstances}</td>
                  <td data-label="Amount" className="amount">{money(resource.amount, usage.data.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot><tr><th colSpan={5}>Total</th><td data-label="Total" className="amount"><strong>{money(usage.data.total, usage.data.currency)}</strong></td></tr></tfoot>
          </table>
        )}
    </div>
  );
}

/** Saves a response body as a file: a temporary object URL clicked as a download link. */
async function saveAs(response: Response, name: string) {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function Statements() {
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const [shown, setShown] = useState<string | null>(null);
  const statement = useQuery({
    queryKey: billingKeys.statement(shown ?? ''),
    queryFn: () => api<StatementView>(`/billing/statements/${enc(shown ?? '')}`),
    enabled: Boolean(shown),
  });
  const download = useMutation({
    mutationFn: async () => saveAs(await authorizedFetch(`/billing/statements/${enc(month)}?format=csv`, {accept: 'text/csv'}), `statement-${month}.csv`),
  });
  const {fields: viewFields, summary: viewSummary} = showProblem(statement.error, {month: 'Month'});
  const {fields: downloadFields, summary: downloadSummary} = showProblem(download.error, {month: 'Month'});
  return (
    <div className="card" aria-labelledby="statements-title">
      <h2 id="statements-title">Statements</h2>
      <form className="inline-form" onSubmit={event => { event.preventDefault(); setShown(month); }}>
        <Field label="Month" error={viewFields.month ?? downloadFields.month} hint="Months are in UTC.">
          {props => <input {...props} type="month" value={month} onChange={event => setMonth(event.target.value)} />}
        </Field>
        <button type="submit" className="secondary">Show statement</button>
        <button type="button" className="secondary" disabled={download.isPending || !month} onClick={() => download.mutate()}>Download CSV</button>
      </form>
      <ProblemMessage summary={downloadSummary} />
      {!shown ? null
        : statement.isPending ? <Loading what="Loading the statement" />
        : statement.isError ? (viewSummary ? <ErrorState error={statement.error} retry={() => statement.refetch()} /> : null)
        : (
          <>
            <dl className="facts">
              <div><dt>Opening balance</dt><dd>{money(statement.data.openingBalance, statement.data.currency)}</dd></div>
              <div><dt>Entries</dt><dd>{statement.data.entries.length}</dd></div>
              <div><dt>Closing balance</dt><dd>{money(statement.data.closingBalance, statement.data.currency)}</dd></div>
            </dl>
            <details>
              <summary>JSON</summary>
              <pre className="statement-json" tabIndex={0}>{JSON.stringify(statement.data, null, 2)}</pre>
            </details>
          </>
        )}
    </div>
  );
}
