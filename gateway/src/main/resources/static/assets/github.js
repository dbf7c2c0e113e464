/**
 * "New project from GitHub": link the account if needed, pick a repository, pick a branch, create the project with
 * auto-deploy (identity-service then registers the push webhook).
 */
import {api} from './api.js';
import {$, busy, h, listOf, safeHttpUrl, showProblem} from './dom.js';

/** Set before leaving for GitHub to link the account, so the picker opens again on the way back. */
export const AFTER_LINK_KEY = 'paas.afterGithubLink';
const SHOWN_AT_ONCE = 50;

const panel = $('github-picker');
const problem = $('github-problem');
const form = $('github-create');
let repositories = [];
let chosen = null;
let onCreated = () => {};

/** Opens the picker; `created(project)` runs after a project was created from it. */
export function open(created) {
  onCreated = created;
  panel.hidden = false;
  $('github-open').setAttribute('aria-expanded', 'true');
  loadRepositories();
}

export function close() {
  panel.hidden = true;
  $('github-open').setAttribute('aria-expanded', 'false');
  step(null);
  showProblem(problem, null);
}

/** Shows one of the picker's steps: `link`, `repos`, `create`, or none. */
function step(name, status = '') {
  $('github-link').hidden = name !== 'link';
  $('github-repos').hidden = name !== 'repos';
  form.hidden = name !== 'create';
  $('github-status').textContent = status;
}

async function loadRepositories() {
  step(null, 'Loading your repositories…');
  showProblem(problem, null);
  try {
    repositories = listOf(await api('/github/repositories')).map(normalise);
    step('repos');
    $('github-search').value = '';
    renderRepositories();
    $('github-search').focus();
  } catch (error) {
    if (error.status === 409) {
      step('link');
    } else {
      step(null);
      showProblem(problem, error);
    }
  }
}

/** One shape whatever naming the API uses. */
function normalise(repo) {
  const fullName = repo.fullName ?? repo.full_name ?? [repo.owner?.login ?? repo.owner, repo.name].filter(Boolean).join('/');
  return {
    fullName,
    name: repo.name ?? fullName.split('/').pop(),
    cloneUrl: repo.cloneUrl ?? repo.clone_url,
    defaultBranch: repo.defaultBranch ?? repo.default_branch,
    private: Boolean(repo.private ?? repo.isPrivate),
    description: repo.description ?? '',
  };
}

function renderRepositories() {
  const terms = $('github-search').value.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = repositories.filter(repo =>
    terms.every(term => repo.fullName.toLowerCase().includes(term) || repo.description.toLowerCase().includes(term)));
  $('github-repo-list').replaceChildren(...matches.slice(0, SHOWN_AT_ONCE).map(repo => h('li', {},
    h('button', {type: 'button', class: 'pick', onClick: () => choose(repo)},
      h('strong', {}, repo.fullName),
      repo.private ? h('span', {class: 'badge idle'}, 'private') : null,
      repo.description ? h('span', {class: 'muted'}, repo.description) : null))));
  $('github-status').textContent = !repositories.length ? 'No repositories found on your GitHub account.'
    : matches.length > SHOWN_AT_ONCE ? `Showing ${SHOWN_AT_ONCE} of ${matches.length} repositories: type to narrow the list.`
    : `${matches.length} of ${repositories.length} repositories.`;
}

async function choose(repo) {
  chosen = repo;
  step(null, `Loading branches of ${repo.fullName}…`);
  showProblem(problem, null);
  try {
    const [owner, name] = repo.fullName.split('/').map(encodeURIComponent);
    const branches = listOf(await api(`/github/repositories/${owner}/${name}/branches`))
      .map(branch => typeof branch === 'string' ? branch : branch.name)
      .filter(Boolean);
    const preferred = branches.includes(repo.defaultBranch) ? repo.defaultBranch : branches[0];
    form.elements.namedItem('branch').replaceChildren(...branches.map(branch =>
      h('option', {value: branch, selected: branch === preferred}, branch)));
    form.elements.namedItem('name').value = repo.name;
    form.elements.namedItem('autoDeploy').checked = true;
    $('github-repo-name').textContent = repo.fullName;
    step('create', branches.length ? '' : 'This repository has no branches yet: push one first.');
    form.elements.namedItem('name').focus();
  } catch (error) {
    step('repos');
    showProblem(problem, error);
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const fields = Object.fromEntries(new FormData(form));
  const body = {
    name: fields.name.trim(),
    repoUrl: chosen.cloneUrl,
    branch: fields.branch,
    githubRepository: chosen.fullName,
    autoDeploy: fields.autoDeploy === 'on',
  };
  showProblem(problem, null, form);
  try {
    const project = await busy(form, () => api('/projects', {method: 'POST', body}));
    close();
    onCreated(project);
  } catch (error) {
    showProblem(problem, error, form);
  }
});

async function linkGitHub() {
  showProblem(problem, null);
  try {
    // With a bearer token the authorize endpoint links GitHub to this account instead of signing in.
    const {authorizeUrl} = await api('/auth/github/authorize?format=json');
    const url = safeHttpUrl(authorizeUrl);
    if (!url) throw new Error('The server did not return a GitHub address.');
    sessionStorage.setItem(AFTER_LINK_KEY, '1');
    location.assign(url);
  } catch (error) {
    showProblem(problem, error);
  }
}

$('github-search').addEventListener('input', renderRepositories);
$('github-back').addEventListener('click', () => { step('repos'); renderRepositories(); });
$('github-close').addEventListener('click', close);
$('github-link-button').addEventListener('click', linkGitHub);
