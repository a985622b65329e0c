/**
 * Public surface of `pattern/`, a leaf: user-supplied regular expressions matched with a time limit, off the
 * main thread. Suite `regex` assertions (through `run/`) and the mock server's fixtures use it; JSON Schema patterns,
 * which a validator tests synchronously, use the blocking matcher.
 */
export { PatternMatcher } from './pattern-matcher.js';
export { BlockingMatcher } from './blocking-matcher.js';
export { DEFAULT_REGEX_TIMEOUT_MS } from './defaults.js';
export type { PatternFound } from './pattern-matcher.js';
