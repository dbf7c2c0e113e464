/** The sign-in screen: email and password (sign in or create an account) and the GitHub sign-in link. */
import {signIn} from './api.js';
import {$, busy, h, showProblem} from './dom.js';

const form = $('signin-form');
const problem = $('signin-problem');
let lockedUntil = 0;

form.addEventListener('submit', async event => {
  event.preventDefault();
  const mode = event.submitter?.value === 'register' ? 'register' : 'login';
  const {email, password} = Object.fromEntries(new FormData(form));
  showProblem(problem, null, form);
  try {
    await busy(form, () => signIn(mode, {email: email.trim(), password}));
    form.reset();
    notice(null);
  } catch (error) {
    showProblem(problem, error, form);
    if (error.status === 429) holdOff(error.retryAfter ?? 60);
  }
});

/** After a 429 the buttons stay disabled for the time the server asked for. */
function holdOff(seconds) {
  lockedUntil = Date.now() + seconds * 1000;
  const buttons = form.querySelectorAll('button');
  buttons.forEach(button => { button.disabled = true; });
  setTimeout(() => {
    if (Date.now() >= lockedUntil) buttons.forEach(button => { button.disabled = false; });
  }, seconds * 1000);
}

/** A message above the form (an ended session, a GitHub error); null hides it. */
export function notice(text) {
  const box = $('signin-notice');
  box.replaceChildren(...(text ? [h('p', {}, text)] : []));
  box.hidden = !text;
}

/** Shows an error from outside the form, e.g. a failed GitHub code exchange. */
export function fail(error) {
  showProblem(problem, error);
}

export function focus() {
  form.elements.namedItem('email').focus();
}
