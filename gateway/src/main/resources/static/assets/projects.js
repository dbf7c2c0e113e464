/** Projects: list with status and URL, create, deploy, auto-deploy toggle, deployments and build logs. */
import {api} from './api.js';
import {$, busy, cell, emptyRow, formatTime, h, link, listOf, newestFirst, showProblem, statusBadge} from './dom.js';
import * as github from './github.js';

const POLL_MS = 3000;
const problem = $('projects-problem');
const pendingAutoDeploy = new Map();
let timer = 0;
let selected = null;
let shownProjects = '';
let shownDeployments = '';
let pollFailed = false;

export const view = {
  section: 'view-projects',
  show() {
    shownProjects = shownDeployments = '';
    poll();
    timer = setInterval(() => { if (!document.hidden) poll(); }, POLL_MS);
    if (sessionStorage.getItem(github.AFTER_LINK_KEY)) {
      sessionStorage.removeItem(github.AFTER_LINK_KEY);
      github.open(created);
    }
  },
  hide() {
    clearInterval(timer);
    github.close();
  },
};

const enc = encodeURIComponent;

async function poll() {
  try {
    const projects = listOf(await api('/projects'));
    const key = JSON.stringify([projects, [...pendingAutoDeploy]]);
    if (key !== shownProjects) {
      shownProjects = key;
      renderProjects(projects);
    }
    if (selected) await loadDeployments();
    if (pollFailed) showProblem(problem, null);
    pollFailed = false;
  } catch (error) {
    pollFailed = true;
    showProblem(problem, error);
  }
}

function renderProjects(projects) {
  if (selected && !projects.some(project => project.id === selected.id)) select(null);
  $('projects').replaceChildren(...(projects.length ? projects.map(project => h('tr', {},
    cell('Name', h('strong', {}, project.name), project.branch ? h('div', {class: 'muted'}, `branch ${project.branch}`) : null),
    cell('Status', statusBadge(project.status)),
    cell('URL', link(project.url)),
    cell('Source', ...source(project)),
    cell('Auto-deploy', autoDeploy(project)),
    cell('Actions', actions(project))))
    : [emptyRow(6, 'No projects yet: create one above.')]));
}

function source(project) {
  const origin = project.githubRepository
    ? link(`https://github.com/${project.githubRepository.split('/').map(enc).join('/')}`, project.githubRepository)
    : h('span', {class: 'wrap'}, project.repoUrl ?? '—');
  const webhook = project.webhook;
  if (!webhook?.status) return [origin];
  const failed = String(webhook.status).toUpperCase() === 'FAILED';
  return [origin, h('div', {class: failed ? 'warn' : 'muted'},
    `webhook ${String(webhook.status).toLowerCase()}${webhook.error ? `: ${webhook.error}` : ''}`)];
}

function autoDeploy(project) {
  if (!project.githubRepository) return h('span', {class: 'muted'}, project.autoDeploy ? 'on' : '—');
  const pending = pendingAutoDeploy.has(project.id);
  const on = pending ? pendingAutoDeploy.get(project.id) : Boolean(project.autoDeploy);
  return h('label', {class: 'check'},
    h('input', {type: 'checkbox', checked: on, disabled: pending, 'aria-label': `Deploy ${project.name} on every push`,
      onChange: event => setAutoDeploy(project, event.target.checked)}),
    on ? 'on push' : 'off');
}

async function setAutoDeploy(project, autoDeploy) {
  pendingAutoDeploy.set(project.id, autoDeploy);
  shownProjects = '';
  try {
    await api(`/projects/${enc(project.id)}`, {method: 'PATCH', body: {autoDeploy}});
    showProblem(problem, null);
  } catch (error) {
    showProblem(problem, error);
  } finally {
    pendingAutoDeploy.delete(project.id);
    poll();
  }
}

function actions(project) {
  const open = selected?.id === project.id;
  return h('div', {class: 'actions'},
    h('button', {type: 'button', onClick: event => deploy(project, event.target)}, 'Deploy'),
    h('button', {type: 'button', class: 'secondary', 'aria-expanded': String(open), 'aria-controls': 'deployments-panel',
      onClick: () => select(open ? null : project)}, open ? 'Hide deployments' : 'Deployments'),
    project.latestDeploymentId
      ? h('button', {type: 'button', class: 'secondary', onClick: () => showLog(project.latestDeploymentId, `latest of ${project.name}`)}, 'Build log')
      : null);
}

async function deploy(project, button) {
  button.disabled = true;
  try {
    await api(`/projects/${enc(project.id)}/deployments`, {method: 'POST'});
    showProblem(problem, null);
    if (selected?.id !== project.id) select(project);
    else poll();
  } catch (error) {
    showProblem(problem, error);
  } finally {
    button.disabled = false;
  }
}

function select(project) {
  selected = project && {id: project.id, name: project.name};
  shownProjects = shownDeployments = '';
  $('deployments-panel').hidden = !selected;
  if (!selected) {
    $('deployments').replaceChildren();
    return;
  }
  $('deployments-title').textContent = `Deployments of ${selected.name}`;
  poll();
}

async function loadDeployments() {
  const project = selected;
  const deployments = listOf(await api(`/projects/${enc(project.id)}/deployments`))
    .sort(newestFirst('createdAt'));
  const key = JSON.stringify(deployments);
  if (project !== selected || key === shownDeployments) return;
  shownDeployments = key;
  $('deployments').replaceChildren(...(deployments.length ? deployments.map(deployment => h('tr', {},
    cell('Started', formatTime(deployment.createdAt)),
    cell('Trigger', deployment.trigger ? String(deployment.trigger).toLowerCase() : '—'),
    cell('Status', statusBadge(deployment.status), deployment.error ? h('div', {class: 'warn'}, deployment.error) : null),
    cell('Commit', ...commit(deployment)),
    cell('Stack', deployment.stack ?? '—'),
    cell('Actions', h('button', {type: 'button', class: 'secondary',
      onClick: () => showLog(deployment.id, `${project.name}, ${formatTime(deployment.createdAt)}`)}, 'Build log'))))
    : [emptyRow(6, 'No deployments yet: press Deploy.')]));
}

function commit(deployment) {
  if (!deployment.commitSha) return ['—'];
  const message = String(deployment.commitMessage ?? '').split('\n')[0];
  return [h('code', {title: deployment.commitSha}, deployment.commitSha.slice(0, 7)), message ? ` ${message}` : null];
}

async function showLog(deploymentId, label) {
  try {
    const text = await api(`/deployments/${enc(deploymentId)}/build-log`, {accept: 'text/plain'});
    $('log-title').textContent = `Build log: ${label}`;
    $('log').textContent = typeof text === 'string' ? text : JSON.stringify(text, null, 2);
    $('log-panel').hidden = false;
    $('log-panel').scrollIntoView({block: 'nearest'});
  } catch (error) {
    showProblem(problem, error);
  }
}

function created(project) {
  if (project?.id) select(project);
  else poll();
}

$('github-open').addEventListener('click', () => {
  if ($('github-picker').hidden) github.open(created);
  else github.close();
});

$('create').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const body = Object.fromEntries(new FormData(form));
  if (!body.branch) delete body.branch;
  showProblem(problem, null, form);
  try {
    const project = await busy(form, () => api('/projects', {method: 'POST', body}));
    form.reset();
    created(project);
  } catch (error) {
    showProblem(problem, error, form);
  }
});
