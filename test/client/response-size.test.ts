/** Issue 10, item 8: a response body larger than `maxResponseBytes` ends the attempt with a typed error, not retried. */
import { afterEach, describe, expect, test } from 'vitest';
import { createClient, ResponseTooLargeError } from '../../src/client/index.js';
import { ask, startMockClient, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const LIMIT = 4096;
const chunk = (content: string) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

async function outcomeOf(step: Parameters<typeof startMockClient>[0], isStream: boolean): Promise<unknown> {
  fixture = await startMockClient(step, { maxResponseBytes: LIMIT });
  return fixture.client.complete(ask('gpt-4o-mini', isStream ? { stream: true } : {}), { cellId: 'c1' }).then((value) => value, (error: unknown) => error);
}

describe('maxResponseBytes', () => {
  test('a JSON body larger than the limit is a ResponseTooLargeError after one attempt', async () => {
    const huge = JSON.stringify({ id: 'x', object: 'chat.completion', model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'a'.repeat(LIMIT * 4) } }] });
    const error = await outcomeOf({ script: [{ kind: 'raw', headers: { 'content-type': 'application/json' }, chunks: [huge.slice(0, LIMIT), huge.slice(LIMIT)] }, { kind: 'ok' }] }, false);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).code).toBe('OTE_API_TOO_LARGE');
    expect((error as ResponseTooLargeError).attempts).toBe(1);
    expect((error as Error).message).toContain(`response body larger than ${LIMIT} bytes (maxResponseBytes)`);
    expect(fixture!.mock.stats.chatRequests).toBe(1);
  });

  test('a stream that keeps sending past the limit is cut off with the same error', async () => {
    const chunks = Array.from({ length: 200 }, () => chunk('b'.repeat(100)));
    const error = await outcomeOf({ script: [{ kind: 'raw', headers: { 'content-type': 'text/event-stream' }, chunks }] }, true);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(fixture!.mock.stats.chatRequests).toBe(1);
  });

  test('an answer under the limit is read as usual', async () => {
    const completion = await outcomeOf({ script: [{ kind: 'ok' }] }, false);
    expect(completion).toMatchObject({ content: expect.any(String) });
  });

  test('rejects a limit that is not a positive integer at the door', () => {
    expect(() => createClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k', maxResponseBytes: 0 })).toThrow(/maxResponseBytes: expected a positive integer/);
  });
});
