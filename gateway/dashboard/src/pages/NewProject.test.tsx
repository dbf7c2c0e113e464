import {QueryClientProvider} from '@tanstack/react-query';
import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {describe, expect, it} from 'vitest';
import {createQueryClient} from '../api/queries';
import {json, scriptFetch} from '../test/http';
import {NewProjectPage} from './NewProject';

describe('New project form', () => {
  it('shows a field error once, next to its field, in plain words', async () => {
    scriptFetch(call => {
      if (call.method === 'POST' && call.url.endsWith('/api/v1/projects')) {
        return json(400, {
          type: 'about:blank', title: 'Bad Request', status: 400,
          detail: 'repoUrl is not a valid URL: Illegal character in path',
          errors: [{field: 'repoUrl', message: 'is not a valid URL: Illegal character in path'}],
        });
      }
      return json(404, {detail: 'unexpected call'});
    });
    render(<QueryClientProvider client={createQueryClient()}><NewProjectPage /></QueryClientProvider>);

    await userEvent.type(screen.getByLabelText('Repository URL'), 'https://exa mple.com/app.git');
    await userEvent.click(screen.getByRole('button', {name: 'Create and deploy'}));

    const message = await screen.findByText('Not a valid URL.');
    const input = screen.getByLabelText('Repository URL');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getAllByText(/valid URL/)).toHaveLength(1);
    expect(document.body.textContent).not.toContain('null');
    expect(document.body.textContent).not.toContain('repoUrl');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
