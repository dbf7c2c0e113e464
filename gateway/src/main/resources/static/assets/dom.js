/**
 * Small DOM helpers. Server data only ever becomes text nodes, text properties or checked URLs, never markup,
 * so a project name or commit message cannot inject anything.
 */

export const $ = id => document.getElementById(id);

/** Creates an element: props are properties (or attributes when they contain a dash), `on*` functions listeners. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function' && key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.includes('-')) node.setAttribute(key, value === true ? '' : String(value));
    else node[key] = value;
  }
  node.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return node;
}

/** A table cell that carries its column name, shown as a label when tables become cards on a phone. */
export const cell = (label, ...children) => h('td', {dataset: {label}}, ...children);

/** A single row saying the table is empty. */
export const emptyRow = (columns, text) => h('tr', {class: 'empty'}, h('td', {colSpan: columns}, text));

/** The list in an API answer, whether it is a bare array or wrapped ({items: [...]}, {content: [...]}, ...). */
export function listOf(body) {
  if (Array.isArray(body)) return body;
  return (body && typeof body === 'object' && Object.values(body).find(Array.isArray)) || [];
}

export function formatTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

/** The URL if it is http(s), else null: a `javascript:` or `data:` URL from the server never becomes a link. */
export function safeHttpUrl(value) {
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link opening in a new tab, or plain text when the URL is not http(s). */
export function link(url, text = url) {
  const href = safeHttpUrl(url);
  if (!url) return '—';
  return href ? h('a', {href, target: '_blank', rel: 'noopener noreferrer'}, text) : h('span', {}, text);
}

/** A status badge; the CSS class comes from a fixed list, not from the server's string. */
export function statusBadge(status) {
  const text = String(status ?? 'UNKNOWN');
  const tone = {RUNNING: 'ok', REGISTERED: 'ok', FAILED: 'bad', NEW: 'idle', DISABLED: 'bad'}[text.toUpperCase()] ?? 'busy';
  return h('span', {class: `badge ${tone}`}, text);
}

/**
 * Shows an error (ApiError or any Error) in a problem box: the detail, and each `errors[]` entry as
 * "field: message". With a form, fields named in errors[] are marked invalid. No error clears the box.
 */
export function showProblem(box, error, form) {
  if (form) for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const errors = Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  box.replaceChildren(
    h('p', {}, error.message || 'Something went wrong.'),
    errors.length ? h('ul', {}, errors.map(item => h('li', {}, item.field ? `${item.field}: ${item.message}` : item.message))) : null);
  box.hidden = false;
  for (const item of errors) {
    const field = form?.elements.namedItem(item.field ?? '');
    if (field instanceof Element) field.setAttribute('aria-invalid', 'true');
  }
}

/** Disables a form's controls while `work` runs, so a double click cannot submit twice. */
export async function busy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select')].filter(control => !control.disabled);
  controls.forEach(control => { control.disabled = true; });
  try {
    return await work();
  } finally {
    controls.forEach(control => { control.disabled = false; });
  }
}

/** Sorts by a timestamp field, newest first (by time, not by string: fractions of a second vary in length). */
export const newestFirst = field => (a, b) => (Date.parse(b[field]) || 0) - (Date.parse(a[field]) || 0);
