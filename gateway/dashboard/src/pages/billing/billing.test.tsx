import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {BillingBanner} from './Banner';
import {TopUp, topUpOutcome} from './BillingPage';
import {bannerText, hoursLeft, money} from './money';
import type {AccountView} from './types';

const account = (over: Partial<AccountView>): AccountView =>
  ({state: 'ACTIVE', balance: '20.0000', currency: 'USD', low: false, graceEndsAt: null, suspendedAt: null, ...over});

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe('billing words', () => {
  it('writes amounts with two to four decimals', () => {
    expect(money('12.3400', 'USD')).toBe('12.34 USD');
    expect(money('0.0137', 'USD')).toBe('0.0137 USD');
    expect(money('-5.0000')).toBe('-5.00');
    expect(money(null)).toBe('—');
  });

  it('counts the hours the balance lasts, and none when nothing burns', () => {
    expect(hoursLeft('3.0000', '0.2500')).toBe(12);
    expect(hoursLeft('3.0000', '0.0000')).toBeNull();
    expect(hoursLeft('-1.0000', '0.2500')).toBeNull();
  });

  it('says what each standing means', () => {
    expect(bannerText(account({state: 'LOW', balance: '3.0000', low: true}), '0.2500'))
      .toBe('Your balance is low: 3.00 USD left, about 12 h.');
    expect(bannerText(account({state: 'LOW', balance: '3.0000', low: true}), '0.0000'))
      .toBe('Your balance is low: 3.00 USD left.');
    const grace = bannerText(account({state: 'GRACE', balance: '-0.5000', graceEndsAt: '2026-12-01T10:00:00Z'}));
    expect(grace).toBe(`Your balance is due: your apps will be paused on ${new Date('2026-12-01T10:00:00Z').toLocaleString()} unless you top up.`);
    expect(bannerText(account({state: 'SUSPENDED', suspendedAt: '2026-12-01T10:00:00Z'}))).toBe('Your apps are paused: top up to start them again.');
    expect(bannerText(account({}))).toBeNull();
  });

  it('reads the outcome Stripe sends back', () => {
    expect(topUpOutcome('/billing?topup=paid')).toBe('paid');
    expect(topUpOutcome('/billing?topup=cancelled')).toBe('cancelled');
    expect(topUpOutcome('/billing?topup=hacked')).toBeNull();
    expect(topUpOutcome('/billing')).toBeNull();
  });
});

describe('billing banner', () => {
  it('shows the low balance with the hours left and a link to Billing', async () => {
    scriptFetch(call => {
      if (call.url.endsWith('/billing/account')) return json(200, account({state: 'LOW', balance: '1.0000', low: true}));
      if (call.url.includes('/billing/wallet')) return json(200, {userId: 'u', balance: '1.0000', currency: 'USD', hourlyBurn: '0.1000', entries: []});
      return json(404, {detail: 'unexpected call'});
    });
    render(<QueryClientProvider client={createQueryClient()}><BillingBanner /></QueryClientProvider>);

    expect(await screen.findByText('Your balance is low: 1.00 USD left, about 10 h.')).toBeTruthy();
    expect(screen.getByRole('link', {name: 'Go to Billing'}).getAttribute('href')).toBe('#/billing');
  });

  it('stays quiet when billing cannot answer', async () => {
    const calls = scriptFetch(() => json(503, {detail: 'down'}));
    const {container} = render(<QueryClientProvider client={createQueryClient()}><BillingBanner /></QueryClientProvider>);
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
    expect(container.textContent).toBe('');
  });
});

describe('top up', () => {
  it('shows a bad amount once, next to Amount, and does not leave the page', async () => {
    scriptFetch(call => {
      if (call.method === 'POST' && call.url.endsWith('/billing/topups')) {
        return json(400, {title: 'Bad Request', status: 400, detail: 'amount must be greater than zero (got 0)',
          errors: [{field: 'amount', message: 'must be greater than zero (got 0)'}]});
      }
      if (call.url.includes('/billing/wallet')) return json(200, {userId: 'u', balance: '1.0000', currency: 'USD', hourlyBurn: '0.1000', entries: []});
      return json(404, {detail: 'unexpected call'});
    });
    const redirect = vi.fn();
    render(<QueryClientProvider client={createQueryClient()}><TopUp redirect={redirect} /></QueryClientProvider>);

    const input = screen.getByLabelText('Amount');
    await userEvent.clear(input);
    await userEvent.type(input, '0');
    await userEvent.click(screen.getByRole('button', {name: 'Top up'}));

    const message = await screen.findByText('Must be greater than zero (got 0).');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/greater than zero/)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(redirect).not.toHaveBeenCalled();
  });

  it('sends the browser to the Stripe Checkout page the API answers', async () => {
    const calls = scriptFetch(call => {
      if (call.method === 'POST' && call.url.endsWith('/billing/topups')) {
        return json(201, {id: 't', sessionId: 'cs_1', amount: '25.00', currency: 'USD', status: 'PENDING',
          url: 'https://checkout.stripe.com/c/pay/cs_1', amountPaid: null, createdAt: '2026-01-01T00:00:00Z', paidAt: null});
      }
      if (call.url.includes('/billing/wallet')) return json(200, {userId: 'u', balance: '1.0000', currency: 'USD', hourlyBurn: '0.1000', entries: []});
      return json(404, {detail: 'unexpected call'});
    });
    const redirect = vi.fn();
    render(<QueryClientProvider client={createQueryClient()}><TopUp redirect={redirect} /></QueryClientProvider>);
    await screen.findByText('In USD.');

    const input = screen.getByLabelText('Amount');
    await userEvent.clear(input);
    await userEvent.type(input, '25.00');
    await userEvent.click(screen.getByRole('button', {name: 'Top up'}));

    await vi.waitFor(() => expect(redirect).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_1'));
    expect(JSON.parse(calls.find(c => c.method === 'POST')!.body!)).toEqual({amount: '25.00', currency: 'USD'});
  });
});
