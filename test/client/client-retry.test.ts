import { afterEach, describe, expect, test } from 'vitest';
import { AbortedError, ServerError } from '../../src/client/index.js';
import { ask, rejectionOf, startMockClient, type MockClient } from './helpers/mock-client.js';
import { HeldSleeps } from './helpers/virtual-clock.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('retries against the mock server', () => {
  test('honours Retry-After in seconds after a 429, then succeeds', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }] });
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(completion.attempts).toBe(2);
    expect(fixture.clock.sleeps).toEqual([2000]);
    expect(fixture.events).toEqual([
      { type: 'retry', model: 'gpt-4o-mini', cellId: 'c1', attempt: 1, delayMs: 2000, code: 'OTE_API_RATE_LIMIT' },
      { type: 'pause', model: 'gpt-4o-mini', untilMs: 2000 },
    ]);
    expect(fixture.mock.stats.chatRequests).toBe(2);
  });

  test('honours Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    fixture = await startMockClient({ script: [{ kind: 'status', status: 503, headers: { 'retry-after': date } }] });
    await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(fixture.clock.sleeps).toHaveLength(1);
    // HTTP dates have whole seconds, so the hint lies between four and five seconds.
    expect(fixture.clock.sleeps[0]).toBeGreaterThan(3000);
    expect(fixture.clock.sleeps[0]).toBeLessThanOrEqual(5000);
  });

  test('prefers retry-after-ms over Retry-After', async () => {
    const headers = { 'retry-after-ms': '1234', 'retry-after': '9' };
    fixture = await startMockClient({ script: [{ kind: 'status', status: 429, headers }] });
    await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(fixture.clock.sleeps).toEqual([1234]);
  });

  test('distrusts a Retry-After above maxRetryAfterMs and backs off instead', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 429, headers: { 'retry-after': '120' } }] });
    await fixture.client.complete(ask(), { cellId: 'c1' });
    // random() = 0.5 of a 500 ms ceiling
    expect(fixture.clock.sleeps).toEqual([250]);
  });

  test('retries a 5xx with jittered exponential backoff, then succeeds', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 500 }, { kind: 'status', status: 502 }] });
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(completion.attempts).toBe(3);
    expect(fixture.clock.sleeps).toEqual([250, 500]);
    expect(fixture.events.map((event) => event.type)).toEqual(['retry', 'retry']);
  });

  test.each([
    ['a dropped socket', { kind: 'reset' as const }, false],
    ['a body that is not JSON', { kind: 'malformed' as const }, false],
    ['a truncated stream', { kind: 'truncate' as const }, true],
    ['a 408', { kind: 'status' as const, status: 408 }, false],
    ['a 409', { kind: 'status' as const, status: 409 }, false],
  ])('retries after %s, then succeeds', async (_name, step, isStream) => {
    fixture = await startMockClient({ script: [step] });
    const completion = await fixture.client.complete(ask('gpt-4o-mini', isStream ? { stream: true } : {}), { cellId: 'c1' });
    expect(completion).toMatchObject({ content: 'Paris', attempts: 2 });
    expect(fixture.mock.stats.chatRequests).toBe(2);
  });

  test('gives up after maxAttempts, counting every attempt', async () => {
    const step = { kind: 'status' as const, status: 500 };
    fixture = await startMockClient({ script: [step, step, step, step] }, { retry: { maxAttempts: 3, baseDelayMs: 100 } });
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/\(after 3 attempts\)$/);
    expect(fixture.clock.sleeps).toEqual([50, 100]);
    expect(fixture.mock.stats.chatRequests).toBe(3);
  });

  test('does not retry a 400', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 400 }] });
    await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1' }));
    expect(fixture.mock.stats.chatRequests).toBe(1);
    expect(fixture.clock.sleeps).toEqual([]);
  });

  test('makes other requests of the model wait out a 429 pause instead of sending', async () => {
    const held = new HeldSleeps();
    fixture = await startMockClient(
      { script: [{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }] },
      { sleep: held.sleep, now: () => 0 },
    );
    const first = fixture.client.complete(ask(), { cellId: 'first' });
    await held.waitFor(1);
    expect(fixture.client.modelStatus('gpt-4o-mini').pausedUntilMs).toBe(2000);
    const second = fixture.client.complete(ask(), { cellId: 'second' });
    await held.waitFor(2);
    expect(held.held.map((sleep) => sleep.ms)).toEqual([2000, 2000]);
    expect(fixture.mock.stats.chatRequests).toBe(1);
    // A different model is not paused.
    await fixture.client.complete(ask('gpt-4o'), { cellId: 'other' });
    held.releaseAll();
    await Promise.all([first, second]);
    expect(fixture.mock.stats.byModel['gpt-4o-mini']).toBe(3);
  });

  test('stops waiting and sending when the signal aborts, with attempts counted', async () => {
    fixture = await startMockClient({ script: [{ kind: 'delay', ms: 10_000 }] }, { sleep: undefined });
    const controller = new AbortController();
    const pending = fixture.client.complete(ask(), { cellId: 'c1', signal: controller.signal });
    while (fixture.mock.stats.chatRequests === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('user pressed ctrl-c'));
    const error = await rejectionOf(pending);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: 'OTE_ABORTED', attempts: 1 });
    expect(fixture.mock.stats.chatRequests).toBe(1);
  });

  test('aborts during a retry wait without another attempt', async () => {
    const held = new HeldSleeps();
    fixture = await startMockClient({ script: [{ kind: 'status', status: 500 }] }, { sleep: held.sleep });
    const controller = new AbortController();
    const pending = fixture.client.complete(ask(), { cellId: 'c1', signal: controller.signal });
    await held.waitFor(1);
    controller.abort();
    held.releaseAll();
    expect(await rejectionOf(pending)).toBeInstanceOf(AbortedError);
    expect(fixture.mock.stats.chatRequests).toBe(1);
  });

  test('rejects at once when the signal was already aborted', async () => {
    fixture = await startMockClient();
    const error = await rejectionOf(fixture.client.complete(ask(), { cellId: 'c1', signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'OTE_ABORTED', attempts: 0 });
    expect(fixture.mock.stats.chatRequests).toBe(0);
  });

  test('retries a first-byte timeout and succeeds on the next attempt', async () => {
    fixture = await startMockClient({ script: [{ kind: 'delay', ms: 5000 }] }, { timeouts: { firstByteMs: 50 } });
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(completion.attempts).toBe(2);
    expect(fixture.events[0]).toMatchObject({ type: 'retry', code: 'OTE_API_TIMEOUT' });
  });
});
