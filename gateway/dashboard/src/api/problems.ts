/**
 * RFC 9457 problem details, turned into what a person reads: one sentence (the `detail`) and, for a 400, each
 * field error next to the form field it names. A message is shown once: a field error that a form shows next to
 * its field is left out of the summary, and nothing ever reads "null".
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  instance?: string;
  errors?: FieldProblem[] | null;
  [member: string]: unknown;
}

/** A failed API call: HTTP status (0 when the server could not be reached) and its problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(summaryOf(status, problem, retryAfter));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get fieldErrors(): FieldProblem[] {
    const errors = this.problem.errors;
    return Array.isArray(errors)
      ? errors.filter(error => error && typeof error.field === 'string' && typeof error.message === 'string')
      : [];
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() && value.trim() !== 'null' ? value.trim() : null;

/** A sentence: capital first letter, closing full stop. */
export function sentence(value: string): string {
  const trimmed = value.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

function summaryOf(status: number, problem: Problem, retryAfter: number | null): string {
  if (status === 0) return 'Cannot reach the server. Check your connection and try again.';
  const detail = text(problem.detail) ?? text(problem.title);
  if (status === 429) {
    return `${detail ? sentence(detail) : 'Too many attempts.'} Try again in ${formatWait(retryAfter ?? 60)}.`;
  }
  if (detail) return sentence(detail);
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'It does not exist, or it is not yours.';
  if (status >= 500) return 'The platform could not answer. Try again in a moment.';
  return `The request failed (${status}).`;
}

/**
 * A field error's message in plain words: Java exception text after a colon is dropped ("is not a valid URL:
 * Illegal character in path" becomes "Not a valid URL."), Bean Validation's wording is rephrased.
 */
export function fieldMessage(message: string): string {
  let words = message.trim();
  const technical = words.match(/^(.*?):\s+[A-Z][^]*$/);
  if (technical && technical[1].length > 3) words = technical[1];
  if (/^(must not be (blank|empty|null)|is required)\b/i.test(words)) return 'Required.';
  const size = words.match(/^size must be between (\d+) and (\d+)$/i);
  if (size) return size[1] === '0' ? `At most ${size[2]} characters.` : `Between ${size[1]} and ${size[2]} characters.`;
  words = words.replace(/^is\s+/i, '');
  return sentence(words);
}

export interface ShownProblem {
  /** What to show above or under the form; null when the field errors say it all. */
  summary: string | null;
  /** Field name (as the API names it) → message, for the fields the form shows. */
  fields: Record<string, string>;
}

/**
 * Splits an error into a summary and per-field messages. `labels` maps the API's field names to the form's labels:
 * errors for those fields go next to them; the others are named by label-less words in the summary.
 */
export function showProblem(error: unknown, labels: Record<string, string> = {}): ShownProblem {
  if (!error) return {summary: null, fields: {}};
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error && text(error.message) ? error.message : 'Something went wrong.';
    return {summary: sentence(message), fields: {}};
  }
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const {field, message} of error.fieldErrors) {
    const words = fieldMessage(message);
    if (field in labels) {
      if (!fields[field]) fields[field] = words;
    } else {
      elsewhere.push(`${humanField(field)}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`);
    }
  }
  if (error.fieldErrors.length === 0) return {summary: error.message, fields};
  return {summary: elsewhere.length ? elsewhere.join(' ') : null, fields};
}

/** `repoUrl` → "Repo URL", `healthPath` → "Health path". */
export function humanField(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase()
    .replace(/\burl\b/g, 'URL').replace(/\bid\b/g, 'ID');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
