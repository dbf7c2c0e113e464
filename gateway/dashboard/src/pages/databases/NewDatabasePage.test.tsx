import {QueryClientProvider} from '@tanstack/react-query';
import {cleanup, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, describe, expect, it} from 'vitest';
import {createQueryClient} from '../../api/queries';
import {json, scriptFetch} from '../../test/http';
import {NewDatabasePage} from './NewDatabasePage';

const page = () => render(<QueryClientProvider client={createQueryClient()}><NewDatabasePage /></QueryClientProvider>);

afterEach(cleanup);

describe('New database form', () => {
  it('shows a quota refusal once, with a way to the plan limits in Billing', async () => {
    const calls = scriptFetch(() => json(403, {
      type: 'about:blank', title: 'Quota exceeded', status: 403,
      detail: 'the free plan allows 1 postgresql database; you have 1', limit: 'databases.postgresql', plan: 'free', allowed: 1,
    }));
    page();

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'postgresql');
    await userEvent.type(screen.getByLabelText('Name'), 'shop-db');
    await userEvent.click(screen.getByRole('button', {name: 'Create database'}));

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The free plan allows 1 postgresql database; you have 1.');
    expect(screen.getAllByText(/allows 1 postgresql database/)).toHaveLength(1);
    expect(screen.getByRole('link', {name: 'Billing'}).getAttribute('href')).toBe('#/billing');
    expect(document.body.textContent).not.toContain('null');
    expect(JSON.parse(calls[0].body ?? '{}')).toEqual({type: 'postgresql', name: 'shop-db'});
  });

  it('puts a field error next to Name, once, and no Billing link for it', async () => {
    scriptFetch(() => json(400, {
      title: 'Bad Request', status: 400, detail: 'name must start with a letter: Shop',
      errors: [{field: 'name', message: 'must start with a letter: Shop'}],
    }));
    page();

    await userEvent.type(screen.getByLabelText('Name'), 'Shop');
    await userEvent.type(screen.getByLabelText('Version'), '15');
    await userEvent.click(screen.getByRole('button', {name: 'Create database'}));

    const message = await screen.findByText('Must start with a letter.');
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/start with a letter/)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', {name: 'Billing'})).toBeNull();
  });

  it('goes to the new database page after creating it', async () => {
    const calls = scriptFetch(() => json(202, {id: 'db1', name: 'cache', type: 'redis', state: 'PROVISIONING',
      credentials: {user: 'default', password: 's3cret', database: '0', url: 'redis://default:s3cret@db-1:6379/0'}}));
    page();

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'redis');
    await userEvent.type(screen.getByLabelText('Name'), 'cache');
    await userEvent.click(screen.getByRole('button', {name: 'Create database'}));

    await waitFor(() => expect(window.location.hash).toBe('#/databases/db1'));
    expect(calls[0].method).toBe('POST');
    expect(calls[0].url).toBe('/api/v1/databases');
  });
});
