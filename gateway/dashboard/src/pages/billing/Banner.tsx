/** The shell's billing banner: low balance, grace period, paused apps; each leads to Billing. Quiet when billing cannot answer. */
import {useQuery} from '@tanstack/react-query';
import {api} from '../../api/session';
import {href} from '../../router';
import {bannerText} from './money';
import type {AccountView, WalletView} from './types';
import './billing.css';

export const billingKeys = {
  account: ['billing', 'account'] as const,
  wallet: ['billing', 'wallet'] as const,
  plan: ['billing', 'plan'] as const,
  plans: ['billing', 'plans'] as const,
  topups: ['billing', 'topups'] as const,
  usage: (from: string, to: string) => ['billing', 'usage', from, to] as const,
  statement: (month: string) => ['billing', 'statements', month] as const,
};

export function BillingBanner() {
  const account = useQuery({
    queryKey: billingKeys.account,
    queryFn: () => api<AccountView>('/billing/account'),
    refetchInterval: 60_000,
  });
  const low = account.data?.state === 'LOW';
  const wallet = useQuery({
    queryKey: billingKeys.wallet,
    queryFn: () => api<WalletView>('/billing/wallet'),
    enabled: low,
  });
  const text = bannerText(account.data, wallet.data?.hourlyBurn);
  if (!text) return null;
  const severe = account.data?.state !== 'LOW';
  return (
    <div className={`billing-banner${severe ? ' severe' : ''}`} role={severe ? 'alert' : 'status'}>
      <p>{text}</p>
      <a className="button" href={href('/billing')}>Go to Billing</a>
    </div>
  );
}
