import { describe, expect, test } from 'vitest';
import { resolveOptions } from '../../src/client/resolve-options.js';

const BASE = { baseUrl: 'http://127.0.0.1:9/v1/', apiKey: 'sk' };

describe('resolveOptions', () => {
  test('applies the documented defaults and splits the base URL', () => {
    expect(resolveOptions(BASE)).toMatchObject({
      origin: 'http://127.0.0.1:9',
      basePath: '/v1',
      connections: 64,
      maxAttempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 60_000,
      connectMs: 10_000,
      firstByteMs: 60_000,
      requestMs: 300_000,
    });
  });

  test.each([
    [{ connections: 0 }, /^connections: expected a positive integer, got 0/],
    [{ retry: { maxAttempts: 1.5 } }, /^retry\.maxAttempts: expected a positive integer/],
    [{ timeouts: { firstByteMs: -1 } }, /^timeouts\.firstByteMs: expected a duration/],
    [{ baseUrl: 'nope' }, /^baseUrl: expected an absolute http\(s\) URL/],
    [{ apiKey: '' }, /^apiKey: expected a non-empty string/],
  ])('rejects %j with a TypeError naming the option', (override, message) => {
    expect(() => resolveOptions({ ...BASE, ...override })).toThrow(message);
  });
});
