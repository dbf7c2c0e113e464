/** Sign in or sign up: two clear paths, e-mail and password or GitHub, and a line on what the product is. */
import {type FormEvent, useEffect, useRef, useState} from 'react';
import {ApiError, showProblem} from '../api/problems';
import {signIn} from '../api/session';
import {Field, ProblemMessage} from '../ui/parts';

const LABELS = {email: 'E-mail', password: 'Password'};

export function SignInPage({notice, onNotice}: {notice: string | null; onNotice: (text: string | null) => void}) {
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [lockedUntil, setLockedUntil] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);
  useEffect(() => {
    if (!lockedUntil) return undefined;
    const timer = setTimeout(() => setLockedUntil(0), Math.max(0, lockedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [lockedUntil]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(mode, {email: email.trim(), password});
      onNotice(null);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.status === 429) {
        setLockedUntil(Date.now() + (failure.retryAfter ?? 60) * 1000);
      }
    } finally {
      setBusy(false);
    }
  };

  const {summary, fields} = showProblem(error, LABELS);
  const signingUp = mode === 'register';
  return (
    <main className="signin" id="main">
      <section className="pitch">
        <h1><img src="/favicon.svg" alt="" width="32" height="32" /> paas</h1>
        <p className="lead">Deploy apps straight from a Git repository. Push, and your app is built, started and
          served on its own address, with logs, variables and rollbacks in one place.</p>
      </section>
      <section className="card auth" aria-labelledby="auth-title">
        <div className="tabs" role="tablist" aria-label="Account">
          <button type="button" role="tab" aria-selected={!signingUp} className={!signingUp ? 'tab active' : 'tab'}
            onClick={() => { setMode('login'); setError(null); }}>Sign in</button>
          <button type="button" role="tab" aria-selected={signingUp} className={signingUp ? 'tab active' : 'tab'}
            onClick={() => { setMode('register'); setError(null); }}>Create account</button>
        </div>
        <h2 id="auth-title">{signingUp ? 'Create your account' : 'Sign in to your account'}</h2>
        {notice ? <p className="notice-inline" role="status">{notice}</p> : null}
        <a className="button github" href="/api/v1/auth/github/authorize">Continue with GitHub</a>
        <p className="or"><span>or with e-mail</span></p>
        <form onSubmit={submit} noValidate>
          <Field label={LABELS.email} error={fields.email}>
            {props => <input {...props} ref={emailRef} type="email" autoComplete="username" required maxLength={254}
              value={email} onChange={event => setEmail(event.target.value)} />}
          </Field>
          <Field label={LABELS.password} error={fields.password}
            hint={signingUp ? 'At least 10 characters (at most 128).' : undefined}>
            {props => <input {...props} type="password" required maxLength={128}
              autoComplete={signingUp ? 'new-password' : 'current-password'}
              value={password} onChange={event => setPassword(event.target.value)} />}
          </Field>
          <ProblemMessage summary={summary} />
          <button type="submit" disabled={busy || lockedUntil > 0}>
            {busy ? 'Please wait…' : signingUp ? 'Create account' : 'Sign in'}
          </button>
        </form>
      </section>
    </main>
  );
}
