/** Amounts (exact decimal strings from billing-service) and the account's standing, in words. */
import {absoluteTime} from '../../ui/format';
import type {AccountView} from './types';

/** "12.3400" USD → "12.34 USD"; keeps up to 4 decimals when they matter ("0.0137 USD"). */
export function money(amount: string | null | undefined, currency = ''): string {
  if (amount == null || amount === '') return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`.trim();
  const [, decimals = ''] = amount.split('.');
  const significant = decimals.replace(/0+$/, '').length;
  const digits = Math.min(4, Math.max(2, significant));
  return `${value.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits})} ${currency}`.trim();
}

/** How many whole hours the balance lasts at the hourly burn; null when nothing burns (or nothing is left). */
export function hoursLeft(balance: string | null | undefined, hourlyBurn: string | null | undefined): number | null {
  const left = Number(balance);
  const burn = Number(hourlyBurn);
  if (!Number.isFinite(left) || !Number.isFinite(burn) || burn <= 0 || left <= 0) return null;
  return Math.floor(left / burn);
}

/** The shell's banner for the account's standing; null when there is nothing to say. */
export function bannerText(account: AccountView | null | undefined, hourlyBurn?: string | null): string | null {
  if (!account) return null;
  switch (account.state) {
    case 'LOW': {
      const hours = hoursLeft(account.balance, hourlyBurn);
      return `Your balance is low: ${money(account.balance, account.currency)} left${hours === null ? '' : `, about ${hours} h`}.`;
    }
    case 'GRACE':
      return `Your balance is due: your apps will be paused on ${absoluteTime(account.graceEndsAt) || 'the end of the grace period'} unless you top up.`;
    case 'SUSPENDED':
      return 'Your apps are paused: top up to start them again.';
    default:
      return null;
  }
}

/** The month as yyyy-mm (UTC), as statements are asked for. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The day as yyyy-mm-dd (UTC), as the usage range is asked for. */
export function dayOf(date: Date): string {
  return `${monthOf(date)}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function bytes(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value) || value < 0) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${amount >= 10 || unit === 0 ? Math.round(amount) : amount.toFixed(1)} ${units[unit]}`;
}

export function percent(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} %`;
}

/** A new key per distinct request, so a repeated click is applied once by the API. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
