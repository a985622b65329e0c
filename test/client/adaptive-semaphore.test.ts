import { describe, expect, test } from 'vitest';
import { AdaptiveSemaphore } from '../../src/client/adaptive-semaphore.js';

describe('AdaptiveSemaphore', () => {
  test('never lets more than the limit in and serves waiters in arrival order', async () => {
    const semaphore = new AdaptiveSemaphore(2);
    const order: number[] = [];
    let maxInFlight = 0;
    const run = async (id: number): Promise<void> => {
      await semaphore.acquire();
      maxInFlight = Math.max(maxInFlight, semaphore.inFlight);
      order.push(id);
      await Promise.resolve();
      semaphore.release();
    };
    await Promise.all([1, 2, 3, 4, 5, 6].map(run));
    expect(maxInFlight).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5, 6]);
    expect(semaphore.inFlight).toBe(0);
  });

  test('halves the limit on a 429, down to 1', () => {
    const semaphore = new AdaptiveSemaphore(8);
    const limits: number[] = [];
    for (let i = 0; i < 4; i++) {
      semaphore.onRateLimited(semaphore.epoch);
      limits.push(semaphore.limit);
    }
    expect(limits).toEqual([4, 2, 1, 1]);
  });

  test('cuts only once for 429s of requests sent before the last cut', () => {
    const semaphore = new AdaptiveSemaphore(16);
    const sentEpoch = semaphore.epoch;
    expect(semaphore.onRateLimited(sentEpoch)).toBe(true);
    expect(semaphore.onRateLimited(sentEpoch)).toBe(false);
    expect(semaphore.onRateLimited(sentEpoch)).toBe(false);
    expect(semaphore.limit).toBe(8);
  });

  test('grows by one per limit-many successes and never above the configured limit', () => {
    const semaphore = new AdaptiveSemaphore(4);
    semaphore.onRateLimited(semaphore.epoch); // 2
    const limits: number[] = [];
    for (let i = 0; i < 12; i++) {
      semaphore.onSuccess();
      limits.push(semaphore.limit);
    }
    expect(limits).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  test('wakes waiters when the limit grows', async () => {
    const semaphore = new AdaptiveSemaphore(2);
    semaphore.onRateLimited(semaphore.epoch); // 1
    expect(semaphore.tryAcquire()).toBe(true);
    let isAdmitted = false;
    const waiting = semaphore.acquire().then(() => (isAdmitted = true));
    semaphore.onSuccess(); // 1 success at limit 1 -> limit 2
    await waiting;
    expect(isAdmitted).toBe(true);
    expect(semaphore.inFlight).toBe(2);
  });

  test('removes an aborted waiter without losing a slot', async () => {
    const semaphore = new AdaptiveSemaphore(1);
    semaphore.tryAcquire();
    const controller = new AbortController();
    const aborted = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    semaphore.release();
    expect(semaphore.tryAcquire()).toBe(true);
    expect(semaphore.waiting).toBe(0);
  });

  test('follows a lower configured limit at once', () => {
    const semaphore = new AdaptiveSemaphore(8);
    semaphore.configure(3);
    expect([semaphore.limit, semaphore.configured]).toEqual([3, 3]);
  });
});
