import { afterEach, describe, expect, test } from 'vitest';
import { ask, startMockClient, type MockClient } from './helpers/mock-client.js';
import { HeldSleeps } from './helpers/virtual-clock.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Virtual send time of every request, read from the verbose request lines. */
function trackSends(target: MockClient): number[] {
  const sent: number[] = [];
  const lines = target.verboseLines;
  const push = lines.push.bind(lines);
  lines.push = (...items: string[]) => {
    for (const line of items) if (line.startsWith('-> ')) sent.push(target.clock.nowMs);
    return push(...items);
  };
  return sent;
}

/** Tracks requests in flight from the client's view, returning a getter of the maximum seen. */
function trackInFlight(target: MockClient): () => number {
  let inFlight = 0;
  let max = 0;
  const lines = target.verboseLines;
  const push = lines.push.bind(lines);
  lines.push = (...items: string[]) => {
    for (const line of items) {
      if (line.startsWith('-> ')) max = Math.max(max, ++inFlight);
      if (line.startsWith('<- ')) inFlight--;
    }
    return push(...items);
  };
  return () => max;
}

/** Releases held sleeps, once per macrotask, until `work` settles; resolves with its result. */
async function releaseUntilSettled<T>(held: HeldSleeps, work: Promise<T>): Promise<T> {
  let isSettled = false;
  const settled = work.finally(() => {
    isSettled = true;
  });
  while (!isSettled) {
    held.releaseAll();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return settled;
}

describe('per-model limits against the mock server', () => {
  test('never has more requests in flight than the concurrency limit', async () => {
    fixture = await startMockClient({ latencyMs: 5 });
    fixture.client.setModelLimits('gpt-4o-mini', { concurrency: 3 });
    const maxInFlight = trackInFlight(fixture);
    await Promise.all(Array.from({ length: 20 }, (_, i) => fixture!.client.complete(ask(), { cellId: `c${i}` })));
    expect(maxInFlight()).toBe(3);
    expect(fixture.mock.stats.chatRequests).toBe(20);
  });

  test('applies a limit key shared by requests of different models', async () => {
    fixture = await startMockClient({ latencyMs: 5 });
    fixture.client.setModelLimits('shared', { concurrency: 1 });
    const maxInFlight = trackInFlight(fixture);
    await Promise.all(
      ['gpt-4o', 'gpt-4o-mini', 'gpt-4o', 'gpt-4o-mini'].map((model, i) =>
        fixture!.client.complete(ask(model), { cellId: `c${i}`, limitKey: 'shared' }),
      ),
    );
    expect(maxInFlight()).toBe(1);
  });

  test('paces requests to the rpm limit on the injected clock', async () => {
    fixture = await startMockClient();
    fixture.client.setModelLimits('gpt-4o-mini', { rpm: 60 });
    const sent = trackSends(fixture);
    await Promise.all(Array.from({ length: 8 }, (_, i) => fixture!.client.complete(ask(), { cellId: `c${i}` })));
    expect(sent).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000]);
  });

  test('paces requests to the tpm limit using the token estimate', async () => {
    fixture = await startMockClient();
    // 6000 tokens per minute: 100 per second; each request is estimated above the 100-token burst.
    fixture.client.setModelLimits('gpt-4o-mini', { tpm: 6000 });
    const sent = trackSends(fixture);
    await Promise.all(Array.from({ length: 4 }, (_, i) => fixture!.client.complete(ask('gpt-4o-mini', { max_tokens: 500 }), { cellId: `c${i}` })));
    expect(sent).toEqual([0, 1000, 2000, 3000]);
  });

  test('halves the concurrency on a 429 and earns it back on successes', async () => {
    fixture = await startMockClient({ script: [{ kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }] });
    fixture.client.setModelLimits('gpt-4o-mini', { concurrency: 4 });
    await fixture.client.complete(ask(), { cellId: 'first' });
    expect(fixture.client.modelStatus('gpt-4o-mini')).toMatchObject({ concurrency: 2, configuredConcurrency: 4 });
    for (let i = 0; i < 4; i++) await fixture.client.complete(ask(), { cellId: `c${i}` });
    expect(fixture.client.modelStatus('gpt-4o-mini').concurrency).toBe(4);
    const changes = fixture.events.filter((event) => event.type === 'concurrency').map((event) => (event.type === 'concurrency' ? event.limit : 0));
    // 4 -> 2 on the 429; 2 -> 3 after two successes (the retry's included); 3 -> 4 after three more.
    expect(changes).toEqual([2, 3, 4]);
  });

  test('halves only once when many requests in flight get 429 together', async () => {
    const limited = { kind: 'status' as const, status: 429, headers: { 'retry-after-ms': '10' } };
    // Retry sleeps are held until all four first attempts have had their 429, so no retry can reach the server
    // early and take a scripted 429 meant for a first attempt, however slow the machine is.
    const held = new HeldSleeps();
    fixture = await startMockClient({ script: [limited, limited, limited, limited] }, { sleep: held.sleep });
    fixture.client.setModelLimits('gpt-4o-mini', { concurrency: 8 });
    const all = Promise.all(Array.from({ length: 4 }, (_, i) => fixture!.client.complete(ask(), { cellId: `c${i}` })));
    await held.waitFor(4);
    expect(fixture.mock.stats.chatRequests).toBe(4);
    await releaseUntilSettled(held, all);
    const cuts = fixture.events.filter((event) => event.type === 'concurrency' && event.limit < 8);
    expect(cuts[0]).toMatchObject({ limit: 4 });
    expect(cuts.filter((event) => event.type === 'concurrency' && event.limit === 2)).toEqual([]);
  });
});
