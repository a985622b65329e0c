/** Checks `MockServerOptions` at the door (a TypeError naming the option) and fills in the defaults. */

import { DEFAULT_MOCK_FIXTURES } from './default-fixtures.js';
import { checkFaults } from './faults.js';
import { compileFixtures } from './fixtures.js';
import type { CompiledFixture } from './fixtures.js';
import { DEFAULT_MOCK_MODELS } from './models.js';
import { DEFAULT_REGEX_TIMEOUT_MS } from '../pattern/index.js';
import type { MockFaults, MockServerOptions, MockStep } from './types.js';

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  latencyMs: number;
  jitterMs: number;
  seed: number;
  faults: MockFaults;
  fixtures: CompiledFixture[];
  apiKeys: ReadonlySet<string> | null;
  models: ReadonlySet<string>;
  modelList: string[];
  script: MockStep[];
  keepRequestLog: boolean;
  streamChunkDelayMs: number;
  maxBodyBytes: number;
  regexTimeoutMs: number;
}

/** Largest request body the mock reads, in bytes, when not told: 16 MiB, far above any chat request. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A non-negative finite number option, or its default. */
function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name}: expected a non-negative number of milliseconds, got ${String(value)}`);
  }
  return value;
}

/** A list of non-empty strings option. */
function stringList(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw new TypeError(`${name}: expected an array of non-empty strings`);
  }
  return value as string[];
}

/** Resolves options; throws a TypeError naming the first invalid one. */
export function resolveOptions(options: MockServerOptions = {}): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port: expected an integer between 0 and 65535, got ${String(port)}`);
  }
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new TypeError(`seed: expected a number, got ${String(seed)}`);
  const faults = options.faults ?? {};
  checkFaults(faults);
  const modelList = options.models === undefined ? DEFAULT_MOCK_MODELS : stringList('models', options.models);
  if (modelList.length === 0) throw new TypeError('models: expected at least one model id, got an empty array');
  return {
    port,
    host: options.host ?? '127.0.0.1',
    latencyMs: duration('latencyMs', options.latencyMs, 0),
    jitterMs: duration('jitterMs', options.jitterMs, 0),
    seed,
    faults,
    fixtures: compileFixtures(options.fixtures ?? DEFAULT_MOCK_FIXTURES),
    apiKeys: options.apiKeys === undefined ? null : new Set(stringList('apiKeys', options.apiKeys)),
    models: new Set(modelList),
    modelList: [...modelList],
    script: [...(options.script ?? [])],
    keepRequestLog: options.keepRequestLog ?? true,
    streamChunkDelayMs: duration('streamChunkDelayMs', options.streamChunkDelayMs, 0),
    maxBodyBytes: options.maxBodyBytes === undefined ? DEFAULT_MAX_BODY_BYTES : positiveBytes(options.maxBodyBytes),
    regexTimeoutMs: options.regexTimeoutMs === undefined ? DEFAULT_REGEX_TIMEOUT_MS : positiveMs(options.regexTimeoutMs),
  };
}

function positiveMs(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`regexTimeoutMs: expected a positive whole number of milliseconds, got ${String(value)}`);
  return value;
}

function positiveBytes(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`maxBodyBytes: expected a positive whole number of bytes, got ${String(value)}`);
  return value;
}

const STEP_KINDS = new Set(['ok', 'status', 'reset', 'delay', 'truncate', 'malformed', 'stream-error', 'raw']);

/** Throws a TypeError naming `at` when a scripted step is malformed, so a typo fails at enqueue, not mid-test. */
export function checkStep(step: MockStep, at: string): void {
  if (typeof step !== 'object' || step === null || !STEP_KINDS.has(step.kind)) {
    const kind = typeof step === 'object' && step !== null ? String((step as { kind?: unknown }).kind) : String(step);
    throw new TypeError(`${at}.kind: expected one of ${[...STEP_KINDS].join(', ')}, got ${kind}`);
  }
  if (step.kind === 'status' && !(Number.isInteger(step.status) && step.status >= 100 && step.status <= 599)) {
    throw new TypeError(`${at}.status: expected an HTTP status between 100 and 599, got ${String(step.status)}`);
  }
  if (step.kind === 'delay') duration(`${at}.ms`, step.ms, 0);
  if (step.kind === 'raw' && (!Array.isArray(step.chunks) || step.chunks.some((chunk) => typeof chunk !== 'string'))) {
    throw new TypeError(`${at}.chunks: expected an array of strings`);
  }
  if (step.kind === 'stream-error' && typeof step.message !== 'string') {
    throw new TypeError(`${at}.message: expected a string, got ${typeof step.message}`);
  }
}
