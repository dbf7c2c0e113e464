/** Personal API tokens: list, create (the secret is shown once), revoke. */
import {api} from './api.js';
import {$, busy, cell, emptyRow, formatTime, h, listOf, showProblem} from './dom.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const problem = $('tokens-problem');

export const view = {
  section: 'view-tokens',
  show: load,
  hide: hideSecret,
};

async function load() {
  try {
    renderTokens(listOf(await api('/auth/tokens')));
  } catch (error) {
    showProblem(problem, error);
  }
}

function renderTokens(tokens) {
  $('tokens').replaceChildren(...(tokens.length ? tokens.map(token => {
    const expired = token.expiresAt && new Date(token.expiresAt) < new Date();
    const revoked = Boolean(token.revokedAt ?? token.revoked);
    return h('tr', {},
      cell('Name', h('strong', {}, token.name)),
      cell('Prefix', h('code', {}, `${token.prefix ?? token.tokenPrefix ?? ''}…`)),
      cell('Created', formatTime(token.createdAt)),
      cell('Expires', formatTime(token.expiresAt), expired ? h('span', {class: 'badge bad'}, 'expired') : null),
      cell('Last used', token.lastUsedAt ? formatTime(token.lastUsedAt) : 'never'),
      cell('Actions', revoked ? h('span', {class: 'badge bad'}, 'revoked')
        : h('button', {type: 'button', class: 'danger', onClick: () => revoke(token)}, 'Revoke')));
  }) : [emptyRow(6, 'No API tokens.')]));
}

async function revoke(token) {
  if (!confirm(`Revoke the token “${token.name}”? Scripts using it stop working at once.`)) return;
  try {
    await api(`/auth/tokens/${encodeURIComponent(token.id)}`, {method: 'DELETE'});
    showProblem(problem, null);
    load();
  } catch (error) {
    showProblem(problem, error);
  }
}

/** The secret may come as `token` or `secret` depending on the response shape; only a string counts. */
function secretOf(created) {
  return [created?.token, created?.secret, created?.value].find(value => typeof value === 'string') ?? '';
}

function hideSecret() {
  $('token-secret-value').value = '';
  $('token-copy-status').textContent = '';
  $('token-secret').hidden = true;
}

$('token-create').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const {name, days} = Object.fromEntries(new FormData(form));
  const body = {name: name.trim(), expiresAt: new Date(Date.now() + Number(days) * DAY_MS).toISOString()};
  showProblem(problem, null, form);
  try {
    const created = await busy(form, () => api('/auth/tokens', {method: 'POST', body}));
    form.reset();
    $('token-secret-value').value = secretOf(created);
    $('token-copy-status').textContent = '';
    $('token-secret').hidden = false;
    $('token-secret-value').select();
    load();
  } catch (error) {
    showProblem(problem, error, form);
  }
});

$('token-copy').addEventListener('click', async () => {
  const input = $('token-secret-value');
  try {
    await navigator.clipboard.writeText(input.value);
    $('token-copy-status').textContent = 'Copied.';
  } catch {
    // The clipboard API needs a secure context and permission; selecting lets the user copy by hand.
    input.select();
    $('token-copy-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

$('token-done').addEventListener('click', hideSecret);
