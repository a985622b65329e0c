import { describe, expect, test } from 'vitest';
import { ExitCode, OnetokenEvalError } from '../../src/errors.js';
import {
  AbortedError,
  AuthError,
  BadRequestError,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  QuotaError,
  RateLimitError,
  ServerError,
  StatusError,
  TimeoutError,
  isApiError,
  toApiError,
} from '../../src/client/api-errors.js';
import { makeFailure, type FailureKind } from '../../src/client/failure.js';

const CONTEXT = { model: 'gpt-4o-mini', cellId: 'qa/c1/mini#0', attempts: 4 };

describe('toApiError', () => {
  test.each([
    ['auth', AuthError, 'OTE_API_AUTH', true],
    ['quota', QuotaError, 'OTE_API_QUOTA', true],
    ['bad-request', BadRequestError, 'OTE_API_BAD_REQUEST', false],
    ['not-found', NotFoundError, 'OTE_API_NOT_FOUND', false],
    ['rate-limit', RateLimitError, 'OTE_API_RATE_LIMIT', false],
    ['server', ServerError, 'OTE_API_SERVER', false],
    ['timeout', TimeoutError, 'OTE_API_TIMEOUT', false],
    ['connection', ConnectionError, 'OTE_API_CONNECTION', false],
    ['protocol', ProtocolError, 'OTE_API_PROTOCOL', false],
    ['status', StatusError, 'OTE_API_STATUS', false],
  ] as const)('turns a %s failure into %o with code %s (stops run: %s)', (kind, ErrorClass, code, stopsRun) => {
    const error = toApiError(makeFailure({ kind: kind as FailureKind, summary: 's', isRetryable: false }), CONTEXT);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(OnetokenEvalError);
    expect(error.name).toBe(ErrorClass.name);
    expect([error.code, error.exitCode, error.stopsRun, error.attempts]).toEqual([code, ExitCode.api, stopsRun, 4]);
    expect(isApiError(error)).toBe(true);
  });

  test('writes one line quoting the server message and the attempts', () => {
    const failure = makeFailure({
      kind: 'rate-limit',
      status: 429,
      summary: 'rate limited',
      serverMessage: 'Rate limit reached for requests.',
      isRetryable: true,
    });
    expect(toApiError(failure, CONTEXT).message).toBe(
      'gpt-4o-mini: qa/c1/mini#0: 429 rate limited: Rate limit reached for requests. (after 4 attempts)',
    );
  });

  test('names the refused parameter and the omit fix in a bad request', () => {
    const failure = makeFailure({ kind: 'bad-request', status: 400, summary: 'bad request', param: 'temperature', isRetryable: false });
    const error = toApiError(failure, { ...CONTEXT, attempts: 1 });
    expect(error.message).toMatch(/^gpt-4o-mini: qa\/c1\/mini#0: 400 bad request \(after 1 attempt\); add "temperature" to this model's `omit`/);
    expect(error.param).toBe('temperature');
  });

  test('quotes the start of an unreadable body when the server sent no message', () => {
    const failure = makeFailure({ kind: 'protocol', status: 200, summary: 'malformed JSON in response', raw: '<html>', isRetryable: true });
    expect(toApiError(failure, CONTEXT).message).toContain('malformed JSON in response: got "<html>"');
  });

  test('keeps the original error as cause and the timeout phase', () => {
    const cause = new Error('headers timeout');
    const error = toApiError(
      makeFailure({ kind: 'timeout', summary: 't', timeoutPhase: 'first-byte', isRetryable: true, cause }),
      CONTEXT,
    );
    expect(error.cause).toBe(cause);
    expect((error as TimeoutError).phase).toBe('first-byte');
  });
});

describe('AbortedError', () => {
  test('has code OTE_ABORTED and is not an API error', () => {
    const error = new AbortedError(CONTEXT, new Error('stop'));
    expect([error.code, error.exitCode, isApiError(error)]).toEqual(['OTE_ABORTED', ExitCode.interrupted, false]);
  });
});
