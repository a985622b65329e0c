import { afterEach, describe, expect, test } from 'vitest';
import type { MockStep } from '../../src/mock/index.js';
import { ask, startMockClient, TEST_KEY, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Everything a user or a log could see of an outcome, flattened to text. */
function visibleText(outcome: unknown): string {
  if (outcome instanceof Error) {
    const fields = { ...outcome, message: outcome.message, name: outcome.name, cause: String(outcome.cause) };
    return JSON.stringify(fields);
  }
  return JSON.stringify(outcome);
}

const ECHOED = `Incorrect API key provided: ${TEST_KEY}.`;

/** One script step per error class; the server echoes the key wherever it has a message. */
const STEPS: [string, MockStep][] = [
  ['auth', { kind: 'status', status: 401, error: { message: ECHOED } }],
  ['quota', { kind: 'status', status: 402, error: { message: ECHOED } }],
  ['bad request', { kind: 'status', status: 400, error: { message: ECHOED, param: 'temperature' } }],
  ['not found', { kind: 'status', status: 404, error: { message: ECHOED } }],
  ['rate limit', { kind: 'status', status: 429, error: { message: ECHOED } }],
  ['server', { kind: 'status', status: 500, error: { message: ECHOED } }],
  ['status', { kind: 'status', status: 418, error: { message: ECHOED } }],
  ['connection', { kind: 'reset' }],
  ['protocol, bad JSON echoing the key', { kind: 'raw', headers: { 'content-type': 'application/json' }, chunks: [`{"key": "${TEST_KEY}"`] }],
  ['protocol, stream error', { kind: 'stream-error', message: ECHOED }],
  ['timeout', { kind: 'delay', ms: 5000 }],
];

describe('the API key', () => {
  test('never appears in completions or verbose dumps of successful requests', async () => {
    fixture = await startMockClient();
    const plain = await fixture.client.complete(ask(), { cellId: 'c1' });
    const streamed = await fixture.client.complete(ask('gpt-4o-search-preview', { stream: true }), { cellId: 'c2' });
    await fixture.client.listModels();
    expect(fixture.verboseLines.length).toBeGreaterThan(0);
    for (const text of [visibleText(plain), visibleText(streamed), ...fixture.verboseLines]) {
      expect(text).not.toContain(TEST_KEY);
      expect(text.toLowerCase()).not.toContain('authorization');
    }
  });

  test.each(STEPS)('never appears in the %s error, its fields or the verbose dump', async (_name, step) => {
    fixture = await startMockClient(
      { script: [step] },
      { retry: { maxAttempts: 1 }, timeouts: { firstByteMs: 50 } },
    );
    const isStream = step.kind === 'stream-error';
    let outcome: unknown;
    try {
      outcome = await fixture.client.complete(ask('gpt-4o-mini', isStream ? { stream: true } : {}), { cellId: 'c1' });
    } catch (error) {
      outcome = error;
    }
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as { code: string }).code).toMatch(/^OTE_API_/);
    for (const text of [visibleText(outcome), ...fixture.verboseLines]) expect(text).not.toContain(TEST_KEY);
    if (step.kind === 'status') expect((outcome as Error).message).toContain('Incorrect API key provided: [redacted].');
  });
});
