import { errors as undiciErrors } from 'undici';
import { describe, expect, test } from 'vitest';
import { failureFromStatus, failureFromThrown, readErrorBody } from '../../src/client/failure.js';

const LIMITS = { connectMs: 10_000, firstByteMs: 60_000 };
const NOW = Date.parse('2025-01-01T00:00:00Z');

function errorBody(fields: Record<string, unknown>): string {
  return JSON.stringify({ error: { message: 'msg', ...fields } });
}

describe('failureFromStatus', () => {
  test.each([
    [400, '{}', 'bad-request', false],
    [422, '{}', 'bad-request', false],
    [401, '{}', 'auth', false],
    [403, '{}', 'auth', false],
    [402, '{}', 'quota', false],
    [429, errorBody({ code: 'insufficient_quota' }), 'quota', false],
    [429, errorBody({ type: 'insufficient_quota' }), 'quota', false],
    [404, '{}', 'not-found', false],
    [429, '{}', 'rate-limit', true],
    [500, '{}', 'server', true],
    [503, '{}', 'server', true],
    [408, '{}', 'status', true],
    [409, '{}', 'status', true],
    [418, '{}', 'status', false],
  ])('classifies %i with body %s as %s (retryable: %s)', (status, body, kind, isRetryable) => {
    const failure = failureFromStatus(status, body, {}, 'sk-secret', NOW);
    expect([failure.kind, failure.isRetryable]).toEqual([kind, isRetryable]);
  });

  test('keeps the server message, param, retry hint and request id', () => {
    const failure = failureFromStatus(
      400,
      errorBody({ message: "Unsupported parameter: 'temperature'", param: 'temperature' }),
      { 'retry-after': '3', 'x-request-id': 'req_1' },
      'sk-secret',
      NOW,
    );
    expect(failure).toMatchObject({
      status: 400,
      serverMessage: "Unsupported parameter: 'temperature'",
      param: 'temperature',
      retryAfterMs: 3000,
      requestId: 'req_1',
      raw: null,
    });
  });

  test('keeps a redacted snippet of a body that is not JSON', () => {
    const failure = failureFromStatus(502, '<html>bad gateway for sk-secret</html>', {}, 'sk-secret', NOW);
    expect(failure.raw).toBe('<html>bad gateway for [redacted]</html>');
    expect(failure.serverMessage).toBeNull();
  });

  test('redacts the key when the server echoes it', () => {
    const failure = failureFromStatus(401, errorBody({ message: 'Incorrect API key provided: sk-secret.' }), {}, 'sk-secret', NOW);
    expect(failure.serverMessage).toBe('Incorrect API key provided: [redacted].');
  });
});

describe('readErrorBody', () => {
  test('reads nested, string and flat error shapes', () => {
    expect(readErrorBody('{"error":{"message":"a","code":42}}')).toMatchObject({ message: 'a', code: '42' });
    expect(readErrorBody('{"error":"b"}')).toMatchObject({ message: 'b' });
    expect(readErrorBody('{"message":"c"}')).toMatchObject({ message: 'c' });
    expect(readErrorBody('not json')).toBeNull();
  });
});

describe('failureFromThrown', () => {
  test.each([
    [new undiciErrors.ConnectTimeoutError(), 'timeout', 'connect'],
    [new undiciErrors.HeadersTimeoutError(), 'timeout', 'first-byte'],
    [new undiciErrors.BodyTimeoutError(), 'timeout', 'first-byte'],
    [new undiciErrors.SocketError('other side closed'), 'connection', null],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'connection', null],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'connection', null],
    [Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'connection', null],
    [Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), 'connection', null],
    [new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }), 'connection', null],
    [Object.assign(new Error('bad chunk'), { code: 'HPE_INVALID_CHUNK_SIZE' }), 'protocol', null],
  ])('maps %s to a retryable %s failure', (error, kind, phase) => {
    const failure = failureFromThrown(error, LIMITS);
    expect(failure).toMatchObject({ kind, timeoutPhase: phase, isRetryable: true });
    expect(failure?.cause).toBe(error);
  });

  test('does not retry a certificate error', () => {
    const error = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' });
    expect(failureFromThrown(error, LIMITS)).toMatchObject({ kind: 'connection', isRetryable: false });
  });

  test('returns null for an error that is not a network error, so a bug surfaces', () => {
    expect(failureFromThrown(new TypeError('x is not a function'), LIMITS)).toBeNull();
  });
});
