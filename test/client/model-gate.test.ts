import { describe, expect, test } from 'vitest';
import { ModelGate } from '../../src/client/model-gate.js';
import type { ClientEvent } from '../../src/client/options.js';
import { VirtualClock } from './helpers/virtual-clock.js';

function makeGate(): { gate: ModelGate; clock: VirtualClock; events: ClientEvent[] } {
  const clock = new VirtualClock();
  const events: ClientEvent[] = [];
  const gate = new ModelGate('m', { now: clock.now, sleep: clock.sleep, emit: (event) => events.push(event) });
  return { gate, clock, events };
}

describe('ModelGate', () => {
  test('is unguarded without limits or a pause, so callers can skip it', () => {
    const { gate } = makeGate();
    expect(gate.isGuarded(0)).toBe(false);
    expect(gate.status()).toEqual({ concurrency: Infinity, configuredConcurrency: Infinity, pausedUntilMs: null });
  });

  test('holds every request back until a pause ends and emits one pause event', async () => {
    const { gate, clock, events } = makeGate();
    gate.pauseUntil(2000);
    gate.pauseUntil(1500);
    expect(gate.isGuarded(0)).toBe(true);
    const entered: number[] = [];
    await Promise.all([1, 2].map(async () => gate.enter(0, undefined).then(() => entered.push(clock.nowMs))));
    expect(entered).toEqual([2000, 2000]);
    expect(events).toEqual([{ type: 'pause', model: 'm', untilMs: 2000 }]);
    expect(gate.status().pausedUntilMs).toBeNull();
  });

  test('paces requests by rpm on the injected clock', async () => {
    const { gate, clock } = makeGate();
    gate.setLimits({ rpm: 120 });
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const pass = await gate.enter(0, undefined);
        sent.push(clock.nowMs);
        gate.leave(pass);
      }),
    );
    expect(sent).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  test('paces requests by tpm and corrects the estimate with the real usage', async () => {
    const { gate, clock } = makeGate();
    gate.setLimits({ tpm: 6000 }); // 100 tokens per second, burst 100
    const first = await gate.enter(100, undefined);
    gate.recordSuccess(first, 40); // 60 tokens given back
    gate.leave(first);
    await gate.enter(100, undefined);
    expect(clock.nowMs).toBe(400);
  });

  test('adapts concurrency: halves on a 429 and regrows on successes, emitting each change', async () => {
    const { gate, events } = makeGate();
    gate.setLimits({ concurrency: 4 });
    const pass = await gate.enter(0, undefined);
    gate.recordRateLimit(pass);
    gate.leave(pass);
    expect(gate.status()).toMatchObject({ concurrency: 2, configuredConcurrency: 4 });
    for (let i = 0; i < 5; i++) {
      const next = await gate.enter(0, undefined);
      gate.recordSuccess(next, null);
      gate.leave(next);
    }
    expect(gate.status().concurrency).toBe(4);
    expect(events.filter((event) => event.type === 'concurrency')).toEqual([
      { type: 'concurrency', model: 'm', limit: 2 },
      { type: 'concurrency', model: 'm', limit: 3 },
      { type: 'concurrency', model: 'm', limit: 4 },
    ]);
  });

  test('frees its slot when aborted while waiting for the rate budget', async () => {
    const { gate } = makeGate();
    gate.setLimits({ concurrency: 1, rpm: 60 });
    const first = await gate.enter(0, undefined);
    gate.leave(first);
    const controller = new AbortController();
    const waiting = gate.enter(0, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    const again = gate.enter(0, undefined);
    await expect(again).resolves.toBeDefined();
  });
});
