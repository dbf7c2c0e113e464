/** Admin views: users (role, disable/enable) and the audit log. The server enforces the role; this only hides. */
import {api, roleOf, user} from './api.js';
import {$, busy, cell, emptyRow, formatTime, h, listOf, newestFirst, showProblem, statusBadge} from './dom.js';

const AUDIT_PAGE = 50;
const ACTIONS = ['auth.signed-in', 'auth.sign-in-failed', 'auth.locked-out', 'auth.refresh-token-reused',
  'auth.signed-out', 'account.registered', 'token.created', 'token.revoked', 'user.role-changed', 'user.disabled',
  'user.enabled', 'signing-key.rotated', 'github.linked'];

export const usersView = {
  section: 'view-users',
  show: loadUsers,
  hide() {},
};

export const auditView = {
  section: 'view-audit',
  show: () => loadAudit(),
  hide() {},
};

const isDisabled = someone =>
  someone.disabled === true || someone.enabled === false || /disabled/i.test(String(someone.status ?? ''));

async function loadUsers() {
  try {
    const users = listOf(await api('/admin/users'));
    $('users').replaceChildren(...(users.length ? users.map(userRow) : [emptyRow(5, 'No users.')]));
  } catch (error) {
    showProblem($('users-problem'), error);
  }
}

function userRow(someone) {
  const role = roleOf(someone);
  const disabled = isDisabled(someone);
  const self = someone.id === user()?.id;
  return h('tr', {},
    cell('Email', h('strong', {}, someone.email), self ? h('span', {class: 'muted'}, ' (you)') : null),
    cell('Role', h('span', {class: 'badge idle'}, role)),
    cell('Status', statusBadge(disabled ? 'DISABLED' : 'ACTIVE')),
    cell('Joined', formatTime(someone.createdAt)),
    // Your own account keeps its role and stays enabled: locking yourself out is never what you meant.
    cell('Actions', self ? h('span', {class: 'muted'}, '—') : h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', onClick: event => changeUser(event.target,
        `Make ${someone.email} ${role === 'admin' ? 'a regular user' : 'an admin'}?`,
        `/admin/users/${encodeURIComponent(someone.id)}/role`, {role: role === 'admin' ? 'user' : 'admin'})},
      role === 'admin' ? 'Make user' : 'Make admin'),
      h('button', {type: 'button', class: disabled ? 'secondary' : 'danger', onClick: event => changeUser(event.target,
        disabled ? `Enable ${someone.email}?` : `Disable ${someone.email}? Their sessions and API tokens stop working.`,
        `/admin/users/${encodeURIComponent(someone.id)}/${disabled ? 'enable' : 'disable'}`)},
      disabled ? 'Enable' : 'Disable'))));
}

async function changeUser(button, question, path, body) {
  if (!confirm(question)) return;
  button.disabled = true;
  try {
    await api(path, {method: 'POST', body});
    showProblem($('users-problem'), null);
    await loadUsers();
  } catch (error) {
    showProblem($('users-problem'), error);
    button.disabled = false;
  }
}

let auditBefore = null;

/** Loads the newest entries, or with `older` the page after the last one shown. */
async function loadAudit(older = false) {
  const params = new URLSearchParams({limit: String(AUDIT_PAGE)});
  const action = $('audit-action').value;
  if (action) params.set('action', action);
  if (older && auditBefore) params.set('before', auditBefore);
  try {
    const entries = listOf(await api(`/admin/audit?${params}`))
      .sort(newestFirst('at'));
    const rows = entries.map(auditRow);
    if (older) $('audit').append(...rows);
    else $('audit').replaceChildren(...(rows.length ? rows : [emptyRow(6, 'No entries.')]));
    auditBefore = entries.at(-1)?.at ?? auditBefore;
    $('audit-older').hidden = entries.length < AUDIT_PAGE;
    showProblem($('audit-problem'), null);
  } catch (error) {
    showProblem($('audit-problem'), error);
  }
}

function auditRow(entry) {
  const detail = entry.detail && typeof entry.detail === 'object' && Object.keys(entry.detail).length
    ? JSON.stringify(entry.detail) : (typeof entry.detail === 'string' ? entry.detail : '');
  return h('tr', {},
    cell('Time', formatTime(entry.at)),
    cell('Actor', entry.actorEmail ?? entry.actorId ?? 'system'),
    cell('Action', h('code', {}, entry.action)),
    cell('Target', h('span', {class: 'wrap'}, entry.target ?? '—')),
    cell('Address', entry.clientIp ?? '—'),
    cell('Detail', detail ? h('code', {class: 'wrap'}, detail) : '—'));
}

$('audit-action').append(...ACTIONS.map(action => h('option', {value: action}, action)));
$('audit-filter').addEventListener('submit', event => {
  event.preventDefault();
  busy(event.target, () => loadAudit());
});
$('audit-older').addEventListener('click', () => loadAudit(true));
