import { describe, expect, test } from 'vitest';
import { DEFAULT_BASE_URL, MOCK_API_KEY, resolveClientEnv } from '../../src/client/env.js';
import { UsageError } from '../../src/errors.js';

describe('resolveClientEnv', () => {
  test('uses the default base URL and the key from the environment', () => {
    expect(resolveClientEnv({ ONETOKEN_API_KEY: 'sk-1' }, { isMock: false })).toEqual({ baseUrl: DEFAULT_BASE_URL, apiKey: 'sk-1' });
  });

  test('tolerates a trailing slash in ONETOKEN_BASE_URL', () => {
    const env = { ONETOKEN_API_KEY: 'sk-1', ONETOKEN_BASE_URL: 'http://127.0.0.1:8080/v1/' };
    expect(resolveClientEnv(env, { isMock: false }).baseUrl).toBe('http://127.0.0.1:8080/v1');
  });

  test.each([['not a url'], ['ftp://example.com/v1'], ['https://example.com/v1?x=1']])(
    'rejects ONETOKEN_BASE_URL=%s with a usage error naming the variable',
    (value) => {
      const run = () => resolveClientEnv({ ONETOKEN_API_KEY: 'sk-1', ONETOKEN_BASE_URL: value }, { isMock: false });
      expect(run).toThrow(UsageError);
      expect(run).toThrow(/^ONETOKEN_BASE_URL: expected/);
    },
  );

  test('fails with exit code 2 when the key is missing or blank', () => {
    for (const env of [{}, { ONETOKEN_API_KEY: '  ' }]) {
      let caught: unknown;
      try {
        resolveClientEnv(env, { isMock: false });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as UsageError).exitCode).toBe(2);
      expect((caught as UsageError).message).toMatch(/^ONETOKEN_API_KEY is not set: export your Onetoken key/);
    }
  });

  test('needs no key with the mock and uses a fixed dummy one', () => {
    expect(resolveClientEnv({}, { isMock: true }).apiKey).toBe(MOCK_API_KEY);
  });
});
