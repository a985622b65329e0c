import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { AttemptAbort, followSignal } from '../../src/client/attempt-abort.js';
import { AbortedError } from '../../src/client/index.js';
import { ask, startMockClient, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('AttemptAbort', () => {
  test('fires once with the reason it was given and reports it as aborted', () => {
    const attempt = new AttemptAbort();
    const heard: unknown[] = [];
    attempt.on('abort', () => heard.push(attempt.reason));
    attempt.abort('first');
    attempt.abort('second');
    expect(attempt.aborted).toBe(true);
    expect(heard).toEqual(['first']);
  });
});

describe('followSignal', () => {
  test('aborts every attempt that follows a signal, with the signal reason, through one listener', () => {
    const controller = new AbortController();
    const attempts = Array.from({ length: 50 }, () => new AttemptAbort());
    for (const attempt of attempts) followSignal(controller.signal, attempt);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort('stop');
    expect(attempts.every((attempt) => attempt.aborted && attempt.reason === 'stop')).toBe(true);
  });

  test('leaves an attempt alone once it stopped following', () => {
    const controller = new AbortController();
    const kept = new AttemptAbort();
    const released = new AttemptAbort();
    followSignal(controller.signal, kept);
    followSignal(controller.signal, released)();
    controller.abort();
    expect(kept.aborted).toBe(true);
    expect(released.aborted).toBe(false);
  });
});

describe('requests sharing one signal', () => {
  test('print no MaxListenersExceededWarning with 30 requests in flight, and all abort with the signal', async () => {
    fixture = await startMockClient({ latencyMs: 10_000 }, { connections: 30 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const pending = Array.from({ length: 30 }, (_, i) =>
        fixture!.client.complete(ask(), { cellId: `c${i}`, signal: controller.signal }).then(
          () => null,
          (error: unknown) => error,
        ),
      );
      await waitUntil(() => fixture!.mock.stats.chatRequests === 30);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      controller.abort(new Error('cancelled by the test'));
      const errors = await Promise.all(pending);
      expect(errors.every((error) => error instanceof AbortedError)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
