import { afterEach, describe, expect, test } from 'vitest';
import {
  AuthError,
  BadRequestError,
  NotFoundError,
  ProtocolError,
  QuotaError,
  RateLimitError,
  ServerError,
  StatusError,
  TimeoutError,
  ConnectionError,
  createClient,
} from '../../src/client/index.js';
import type { MockStep } from '../../src/mock/index.js';
import { ask, rejectionOf, startMockClient, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Four copies of a step: enough to exhaust the default four attempts. */
function always(step: MockStep): MockStep[] {
  return [step, step, step, step];
}

describe('typed API errors from the mock server', () => {
  test('a rejected key is an AuthError that is not retried and stops the run', async () => {
    fixture = await startMockClient({ apiKeys: ['sk-some-other-key'] });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'OTE_API_AUTH', status: 401, attempts: 1, stopsRun: true, exitCode: 3 });
    expect(error.message).toMatch(/^gpt-4o-mini: c1: 401 key rejected or expired: Incorrect API key provided\..* \(after 1 attempt\); check ONETOKEN_API_KEY/);
    expect(fixture.mock.stats.chatRequests).toBe(1);
  });

  test('a 403 is an AuthError too', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 403 }] });
    expect(await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }))).toBeInstanceOf(AuthError);
  });

  test('a 402 is a QuotaError that is not retried and stops the run', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 402 }] });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(QuotaError);
    expect(error).toMatchObject({ code: 'OTE_API_QUOTA', attempts: 1, stopsRun: true });
    expect(error.serverMessage).toMatch(/exceeded your current quota/);
  });

  test('a 429 with insufficient_quota is a QuotaError, not a rate limit', async () => {
    const error = { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' };
    fixture = await startMockClient({ script: [{ kind: 'status', status: 429, error }] });
    expect(await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }))).toBeInstanceOf(QuotaError);
    expect(fixture.mock.stats.chatRequests).toBe(1);
  });

  test('a refused parameter is a BadRequestError naming it and the omit fix', async () => {
    fixture = await startMockClient();
    const error = await rejectionOf(fixture.client.complete(ask('gpt-4o-search-preview', { temperature: 0 }), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: 'OTE_API_BAD_REQUEST', status: 400, param: 'temperature', attempts: 1, stopsRun: false });
    expect(error.message).toContain("400 bad request: Unsupported parameter: 'temperature'");
    expect(error.message).toContain('add "temperature" to this model\'s `omit` list in the suite');
  });

  test('a 422 is a BadRequestError', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 422, error: { message: 'unprocessable' } }] });
    expect(await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }))).toBeInstanceOf(BadRequestError);
  });

  test('an unknown model id is a NotFoundError that is not retried', async () => {
    fixture = await startMockClient();
    const error = await rejectionOf(fixture.client.complete(ask('gpt-9-imaginary'), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'OTE_API_NOT_FOUND', status: 404, attempts: 1 });
    expect(error.message).toContain('check that the model id "gpt-9-imaginary" exists');
  });

  test('429 on every attempt is a RateLimitError after all attempts', async () => {
    fixture = await startMockClient({ script: always({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }) });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'OTE_API_RATE_LIMIT', attempts: 4, retryAfterMs: 1000 });
    expect(error.message).toMatch(/^gpt-4o-mini: c1: 429 rate limited: Rate limit reached for requests\..* \(after 4 attempts\)$/);
  });

  test('5xx on every attempt is a ServerError', async () => {
    fixture = await startMockClient({ script: always({ kind: 'status', status: 503 }) });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'OTE_API_SERVER', status: 503, attempts: 4 });
  });

  test('a 418 is a StatusError and is not retried', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 418 }] });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(StatusError);
    expect(error).toMatchObject({ code: 'OTE_API_STATUS', status: 418, attempts: 1 });
  });

  test('a dropped socket on every attempt is a ConnectionError', async () => {
    fixture = await startMockClient({ script: always({ kind: 'reset' }) });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'OTE_API_CONNECTION', attempts: 4, status: null });
    expect(error.cause).toBeInstanceOf(Error);
  });

  test('a body that is not JSON is a ProtocolError with a snippet', async () => {
    fixture = await startMockClient({ script: always({ kind: 'malformed' }) });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'OTE_API_PROTOCOL', attempts: 4 });
    expect(typeof error.raw).toBe('string');
    expect(error.message).toContain('malformed JSON in response: got "');
  });

  test('a stream cut before finish_reason and [DONE] is a retryable ProtocolError', async () => {
    fixture = await startMockClient({ script: always({ kind: 'truncate' }) });
    const error = await rejectionOf(fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ attempts: 4 });
    expect(error.message).toContain('truncated stream');
  });

  test('an error event mid-stream is a ProtocolError quoting its message', async () => {
    fixture = await startMockClient({ script: always({ kind: 'stream-error', message: 'upstream model crashed' }) });
    const error = await rejectionOf(fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.serverMessage).toBe('upstream model crashed');
    expect(error.message).toContain('error event in stream: upstream model crashed');
  });

  test('a 200 without choices is a ProtocolError and is not retried', async () => {
    const step: MockStep = { kind: 'raw', headers: { 'content-type': 'application/json' }, chunks: ['{"id":"x","choices":[]}'] };
    fixture = await startMockClient({ script: [step] });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(error.message).toContain('response has no choices');
  });

  test('no first byte within firstByteMs is a TimeoutError naming that timeout', async () => {
    fixture = await startMockClient(
      { script: [{ kind: 'delay', ms: 5000 }] },
      { timeouts: { firstByteMs: 50 }, retry: { maxAttempts: 1 } },
    );
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'OTE_API_TIMEOUT', phase: 'first-byte', attempts: 1 });
    expect(error.message).toContain('timeouts.firstByteMs');
  });

  test('a stream outlasting requestMs is a TimeoutError of the whole request', async () => {
    fixture = await startMockClient(
      { streamChunkDelayMs: 200 },
      { timeouts: { requestMs: 100 }, retry: { maxAttempts: 1 } },
    );
    const error = await rejectionOf(fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'request' });
  });

  test('listModels fails with the same typed errors', async () => {
    fixture = await startMockClient({ apiKeys: ['sk-some-other-key'] });
    const error = await rejectionOf(fixture.client.listModels());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/^models: 401 key rejected/);
  });

  test('createClient rejects a bad option at once', () => {
    expect(() => createClient({ baseUrl: 'http://127.0.0.1/v1', apiKey: 'k', retry: { maxAttempts: 0 } })).toThrow(TypeError);
  });
});
