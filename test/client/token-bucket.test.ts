import { describe, expect, test } from 'vitest';
import { TokenBucket } from '../../src/client/token-bucket.js';

describe('TokenBucket', () => {
  test('lets a one-second burst through, then paces at the per-minute rate', () => {
    const bucket = new TokenBucket(120, 0); // 2 per second, burst 2
    expect([0, 0, 0, 0].map(() => bucket.reserve(1, 0))).toEqual([0, 0, 500, 1000]);
  });

  test('never admits more than the burst plus the refill over any span under load', () => {
    const rpm = 60;
    const bucket = new TokenBucket(rpm, 0);
    const sendTimes: number[] = [];
    // 200 requests arrive at scattered times; each is sent when its reservation says.
    for (let i = 0; i < 200; i++) {
      const arrival = i * 137;
      sendTimes.push(arrival + bucket.reserve(1, arrival));
    }
    sendTimes.sort((a, b) => a - b);
    for (let i = 0; i < sendTimes.length; i++) {
      const windowEnd = sendTimes[i] + 60_000;
      const inWindow = sendTimes.filter((t) => t >= sendTimes[i] && t < windowEnd).length;
      expect(inWindow).toBeLessThanOrEqual(rpm + bucket.burst);
    }
    // 200 requests at 1 per second take at least 199 seconds minus the burst.
    expect(sendTimes.at(-1)).toBeGreaterThanOrEqual(198_000);
  });

  test('refills with time but never above the burst', () => {
    const bucket = new TokenBucket(60, 0);
    bucket.reserve(1, 0);
    expect(bucket.available(500)).toBeCloseTo(0.5);
    expect(bucket.available(3_600_000)).toBe(1);
  });

  test('charges a request larger than the burst only the burst up front', () => {
    const bucket = new TokenBucket(6000, 0); // 100 per second, burst 100
    expect(bucket.reserve(5000, 0)).toBe(0);
    expect(bucket.reserve(1, 0)).toBe(10);
  });

  test('gives back an overestimate and charges an underestimate', () => {
    const bucket = new TokenBucket(6000, 0);
    bucket.reserve(100, 0);
    bucket.adjust(60, 0);
    expect(bucket.available(0)).toBe(60);
    bucket.adjust(-160, 0);
    expect(bucket.reserve(1, 0)).toBe(101 * 10);
  });

  test('rejects a budget that is not a positive number', () => {
    expect(() => new TokenBucket(0, 0)).toThrow(TypeError);
    expect(() => new TokenBucket(Number.NaN, 0)).toThrow(TypeError);
  });
});
