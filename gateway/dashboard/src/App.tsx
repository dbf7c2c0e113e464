/** The shell: session restore and the GitHub sign-in hand-off, the header and navigation, and the routes. */
import {useQueryClient} from '@tanstack/react-query';
import {useEffect, useState} from 'react';
import {followChanges} from './api/changes';
import {showProblem} from './api/problems';
import {isAdmin, onSessionChange, restore, signIn, signOut, user} from './api/session';
import type {Me} from './api/types';
import {AdminPage} from './pages/Admin';
import {BillingBanner} from './pages/billing/Banner';
import {BillingPage} from './pages/billing/BillingPage';
import {DatabasePage} from './pages/databases/DatabasePage';
import {DatabasesPage} from './pages/databases/DatabasesPage';
import {NewDatabasePage} from './pages/databases/NewDatabasePage';
import {AFTER_LINK_KEY, NewProjectPage} from './pages/NewProject';
import {ProjectPage} from './pages/project/ProjectPage';
import {ProjectsPage} from './pages/Projects';
import {SignInPage} from './pages/SignIn';
import {TokensPage} from './pages/Tokens';
import {AccountPage} from './pages/observe/Account';
import {AlertsPage} from './pages/observe/Alerts';
import {href, match, navigate, usePath} from './router';
import {Empty, Loading} from './ui/parts';

/**
 * GitHub's callback lands on `#github-login=<one-time code>` or `#github-error=<message>`. The fragment is removed
 * at once, so the code stays out of history and a reload never replays it.
 */
async function takeGitHubFragment(): Promise<string | null> {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const code = fragment.get('github-login');
  const error = fragment.get('github-error');
  if (code === null && error === null) return null;
  // Back from linking GitHub to this account: open the repository picker again.
  const next = sessionStorage.getItem(AFTER_LINK_KEY) ? '#/new?github' : '#/projects';
  sessionStorage.removeItem(AFTER_LINK_KEY);
  history.replaceState(null, '', window.location.pathname + window.location.search + next);
  if (error !== null) return `GitHub sign-in failed: ${error || 'no reason given'}.`;
  try {
    await signIn('github/exchange', {code});
  } catch (failure) {
    return `GitHub sign-in failed. ${showProblem(failure).summary ?? ''}`.trim();
  }
  return null;
}

export function App() {
  const client = useQueryClient();
  const [someone, setSomeone] = useState<Me | null>(user());
  const [booting, setBooting] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const stop = onSessionChange((next, reason) => {
      setSomeone(next);
      if (!next) {
        client.clear();
        if (reason === 'expired') setNotice('Your session has ended. Please sign in again.');
      }
    });
    (async () => {
      const githubProblem = await takeGitHubFragment();
      if (!user()) {
        try {
          await restore();
        } catch (error) {
          setNotice(showProblem(error).summary);
        }
      }
      setSomeone(user());
      if (githubProblem) setNotice(githubProblem);
      setBooting(false);
    })();
    return stop;
  }, [client]);

  if (booting) return <main className="boot"><Loading what="Opening your dashboard" /></main>;
  if (!someone) return <SignInPage notice={notice} onNotice={setNotice} />;
  return <Shell someone={someone} notice={notice} dismiss={() => setNotice(null)} />;
}

function Shell({someone, notice, dismiss}: {someone: Me; notice: string | null; dismiss: () => void}) {
  const path = usePath();
  const client = useQueryClient();
  // One live stream of the user's project and deployment changes for as long as they are signed in.
  useEffect(() => followChanges(client), [client, someone.id]);
  const section = path.split('/')[1] ?? 'projects';
  return (
    <div className="shell">
      <a className="skip" href="#main" onClick={event => { event.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="top">
        <a className="brand" href={href('/projects')}>
          <img src="/favicon.svg" alt="" width="24" height="24" /> paas
        </a>
        <nav aria-label="Main">
          <a href={href('/projects')} aria-current={section === 'projects' || section === 'new' ? 'page' : undefined}>Projects</a>
          <a href={href('/databases')} aria-current={section === 'databases' ? 'page' : undefined}>Databases</a>
          <a href={href('/billing')} aria-current={section.startsWith('billing') ? 'page' : undefined}>Billing</a>
          <a href={href('/alerts')} aria-current={section === 'alerts' ? 'page' : undefined}>Alerts</a>
          <a href={href('/account')} aria-current={section === 'account' ? 'page' : undefined}>Account</a>
          {isAdmin(someone) ? <a href={href('/admin/users')} aria-current={section === 'admin' ? 'page' : undefined}>Admin</a> : null}
        </nav>
        <div className="account">
          <span className="who" title={someone.email}>{someone.email}</span>
          <button type="button" className="secondary" onClick={() => signOut()}>Sign out</button>
        </div>
      </header>
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" className="secondary" onClick={dismiss}>Dismiss</button>
        </div>
      ) : null}
      <BillingBanner />
      <main id="main" tabIndex={-1}>
        <Routes path={path} someone={someone} />
      </main>
    </div>
  );
}

function Routes({path, someone}: {path: string; someone: Me}) {
  if (path === '/' || match('/projects', path)) return <ProjectsPage />;
  if (match('/new', path)) return <NewProjectPage />;
  const project = match('/projects/:id', path) ?? match('/projects/:id/:tab', path);
  if (project) return <ProjectPage id={project.id} tab={project.tab ?? 'overview'} />;
  if (match('/databases', path)) return <DatabasesPage />;
  if (match('/databases/new', path)) return <NewDatabasePage />;
  const database = match('/databases/:id', path);
  if (database) return <DatabasePage id={database.id} />;
  if (match('/account/tokens', path)) return <TokensPage />;
  if (match('/billing', path)) return <BillingPage path={path} />;
  if (match('/account', path)) return <AccountPage someone={someone} />;
  if (match('/alerts', path)) return <AlertsPage />;
  if (path.startsWith('/admin')) return <AdminPage path={path} someone={someone} />;
  return (
    <Empty title="There is no such page.">
      <button type="button" onClick={() => navigate('/projects')}>Go to your projects</button>
    </Empty>
  );
}
