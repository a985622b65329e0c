/**
 * Reading the client's settings from the environment: `ONETOKEN_API_KEY` and `ONETOKEN_BASE_URL`. Problems are
 * `UsageError`s (exit 2) naming the variable and the fix.
 */

import { optionRef, UsageError } from '../errors.js';

/** The production API base. */
export const DEFAULT_BASE_URL = 'https://onetoken.one/v1';

/** The key sent to the built-in mock server, which accepts any non-empty key. */
export const MOCK_API_KEY = 'onetoken-eval-mock-key';

/** The base URL and key to use; with `isMock` the key is a fixed dummy and need not be set. */
export function resolveClientEnv(env: NodeJS.ProcessEnv, options: { isMock: boolean }): { baseUrl: string; apiKey: string } {
  const baseUrl = readBaseUrl(env.ONETOKEN_BASE_URL);
  if (options.isMock) return { baseUrl, apiKey: MOCK_API_KEY };
  const apiKey = env.ONETOKEN_API_KEY?.trim() ?? '';
  if (apiKey.length === 0) {
    throw new UsageError(
      `ONETOKEN_API_KEY is not set: export your Onetoken key (export ONETOKEN_API_KEY=...) or use ${optionRef('mock')} to run against the built-in mock server`,
    );
  }
  // A CR or LF inside the key cannot go in an HTTP header: every request would fail (and the header could be split).
  if (/[\r\n]/.test(apiKey)) {
    throw new UsageError('ONETOKEN_API_KEY contains a line break: it holds more than one line (a pasted file?); export only the key itself');
  }
  return { baseUrl, apiKey };
}

/** `ONETOKEN_BASE_URL` without trailing slashes, or the default when unset or blank. */
function readBaseUrl(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length === 0) return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (error) {
    throw new UsageError(`ONETOKEN_BASE_URL: expected an http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(trimmed)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`ONETOKEN_BASE_URL: expected an http(s) URL such as ${DEFAULT_BASE_URL}, got protocol ${JSON.stringify(url.protocol)}`);
  }
  if (url.search || url.hash) {
    throw new UsageError(`ONETOKEN_BASE_URL: expected a base URL without query or fragment, got ${JSON.stringify(trimmed)}`);
  }
  return trimmed.replace(/\/+$/, '');
}
