/** Dashboard entry: GitHub sign-in hand-off, session restore, header, and hash navigation between views. */
import {isAdmin, restore, roleOf, session, signIn, signOut, user} from './assets/api.js';
import {$, h} from './assets/dom.js';
import * as signin from './assets/signin.js';
import {view as projects} from './assets/projects.js';
import {view as tokens} from './assets/tokens.js';
import {auditView, usersView} from './assets/admin.js';

const DEFAULT_ROUTE = '#/projects';
const routes = {
  '#/projects': projects,
  '#/tokens': tokens,
  '#/admin/users': usersView,
  '#/admin/audit': auditView,
};
let active = null;
let renderedFor;

function route() {
  let hash = location.hash;
  if (!routes[hash] || (hash.startsWith('#/admin/') && !isAdmin())) {
    hash = DEFAULT_ROUTE;
    history.replaceState(null, '', hash);
  }
  const next = routes[hash];
  if (next === active) return;
  active?.hide();
  active = next;
  for (const view of Object.values(routes)) $(view.section).hidden = view !== next;
  for (const anchor of document.querySelectorAll('nav a')) {
    if (anchor.getAttribute('href') === hash) anchor.setAttribute('aria-current', 'page');
    else anchor.removeAttribute('aria-current');
  }
  next.show();
}

function render() {
  const someone = user();
  if (someone === renderedFor) return;
  renderedFor = someone;
  $('signin').hidden = Boolean(someone);
  $('app').hidden = !someone;
  if (!someone) {
    active?.hide();
    active = null;
    signin.focus();
    return;
  }
  $('whoami').textContent = someone.email;
  $('role').textContent = roleOf(someone);
  for (const item of document.querySelectorAll('.admin-only')) item.hidden = !isAdmin();
  // A role change (say, demoted while on an admin page) must re-check the current route.
  active?.hide();
  active = null;
  route();
}

/** A notice under the header (signed in) or above the sign-in form (signed out). */
function notice(text) {
  if (!user()) {
    signin.notice(text);
    return;
  }
  const box = $('notice');
  box.replaceChildren(h('p', {}, text), h('button', {type: 'button', class: 'secondary', onClick: () => { box.hidden = true; }}, 'Dismiss'));
  box.hidden = false;
}

/**
 * GitHub's callback lands on `#github-login=<one-time code>` or `#github-error=<message>`. The code is exchanged
 * and the fragment removed at once, so it stays out of history and is never replayed by a reload.
 */
async function takeGitHubFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const code = fragment.get('github-login');
  const error = fragment.get('github-error');
  if (code === null && error === null) return null;
  history.replaceState(null, '', location.pathname + location.search);
  if (error !== null) return `GitHub sign-in failed: ${error || 'no reason given'}`;
  try {
    await signIn('github/exchange', {code});
  } catch (failure) {
    return `GitHub sign-in failed: ${failure.message}`;
  }
  return null;
}

async function boot() {
  session.addEventListener('change', event => {
    render();
    if (event.detail.reason === 'expired') signin.notice('Your session has ended. Please sign in again.');
  });
  addEventListener('hashchange', () => { if (user()) route(); });
  $('signout').addEventListener('click', () => signOut());

  const githubProblem = await takeGitHubFragment();
  if (!user()) {
    try {
      await restore();
    } catch (error) {
      signin.fail(error);
    }
  }
  render();
  if (githubProblem) notice(githubProblem);
}

boot();
