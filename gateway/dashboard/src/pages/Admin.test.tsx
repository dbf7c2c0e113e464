import {QueryClientProvider} from '@tanstack/react-query';
import {render, screen} from '@testing-library/react';
import {describe, expect, it} from 'vitest';
import {createQueryClient} from '../api/queries';
import {json, scriptFetch} from '../test/http';
import {AdminPage} from './Admin';

describe('Admin pages', () => {
  it('tell a user without the admin role that they need it, and call no admin API', () => {
    const calls = scriptFetch(() => json(403, {detail: 'needs the admin role'}));
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AdminPage path="/admin/users" someone={{id: 'u1', email: 'ada@example.com', role: 'user'}} />
      </QueryClientProvider>,
    );

    expect(screen.getByRole('alert').textContent).toContain('This page needs the admin role.');
    expect(calls).toHaveLength(0);
  });
});
