/**
 * Which cache entries a run may use: those of its endpoint. The built-in mock gets a fixed name instead of its
 * random port, so a rerun against the mock hits the cache like a rerun against the real API.
 */
import { MOCK_BASE_URL } from '../wire/index.js';

export { MOCK_BASE_URL };

/** The cache namespace of a run, from the base URL its run.json records. */
export function cacheNamespaceOf(recordedBaseUrl: string): string {
  return recordedBaseUrl === MOCK_BASE_URL ? 'builtin-mock' : recordedBaseUrl;
}
