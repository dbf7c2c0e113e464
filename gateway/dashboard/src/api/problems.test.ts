import {describe, expect, it} from 'vitest';
import {ApiError, fieldMessage, humanField, showProblem} from './problems';

describe('showProblem', () => {
  it('shows the detail of an error without field errors, once and never "null"', () => {
    const error = new ApiError(409, {title: 'Conflict', detail: 'a deployment of this project is already running', errors: null});

    expect(showProblem(error)).toEqual({summary: 'A deployment of this project is already running.', fields: {}});
  });

  it('falls back to words of its own when the problem says nothing', () => {
    expect(showProblem(new ApiError(500, {detail: null})).summary).toBe('The platform could not answer. Try again in a moment.');
    expect(showProblem(new ApiError(404, {detail: 'null'})).summary).toBe('It does not exist, or it is not yours.');
    expect(showProblem(new ApiError(0, {})).summary).toBe('Cannot reach the server. Check your connection and try again.');
  });

  it('puts a field error next to its field and leaves it out of the summary', () => {
    const error = new ApiError(400, {
      detail: 'repoUrl is not a valid URL: Illegal character in path',
      errors: [{field: 'repoUrl', message: 'is not a valid URL: Illegal character in path'}],
    });

    const shown = showProblem(error, {repoUrl: 'Repository URL'});

    expect(shown.fields).toEqual({repoUrl: 'Not a valid URL.'});
    expect(shown.summary).toBeNull();
  });

  it('names a field error the form does not show in the summary, in words', () => {
    const error = new ApiError(400, {
      detail: 'deploymentId is required',
      errors: [{field: 'deploymentId', message: 'is required: the id of the deployment to run again'}],
    });

    expect(showProblem(error, {name: 'Name'})).toEqual({summary: 'Deployment ID: required.', fields: {}});
  });

  it('tells how long to wait after too many attempts', () => {
    const error = new ApiError(429, {detail: 'too many sign-in attempts'}, 90);

    expect(showProblem(error).summary).toBe('Too many sign-in attempts. Try again in 1 min 30 s.');
  });
});

describe('field wording', () => {
  it('rephrases Bean Validation and drops Java exception text', () => {
    expect(fieldMessage('must not be blank')).toBe('Required.');
    expect(fieldMessage('size must be between 0 and 100')).toBe('At most 100 characters.');
    expect(fieldMessage('is not a valid URL: Illegal character in path at index 5')).toBe('Not a valid URL.');
    expect(fieldMessage('must be a whole number from 1 to 65535, or null')).toBe('Must be a whole number from 1 to 65535, or null.');
    expect(humanField('healthPath')).toBe('Health path');
  });
});
