/**
 * Issue 10, items 5-7: every server string is redacted (a 400's `param`, code, type, headers, the fix hint), an
 * answer that echoes the key is cleaned before anything records it, and the key's other forms are caught too.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { redactSecret, secretVariants } from '../../src/client/redact.js';
import { resolveClientEnv } from '../../src/client/index.js';
import { UsageError } from '../../src/errors.js';
import { ask, startMockClient, TEST_KEY, type MockClient } from './helpers/mock-client.js';

let fixture: MockClient | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

const BASE64 = Buffer.from(TEST_KEY).toString('base64');
/** Every form of the key a server or a model might send back. */
const FORMS = [TEST_KEY, encodeURIComponent(`${TEST_KEY}/`), BASE64, Buffer.from(`user:${TEST_KEY}`).toString('base64'), TEST_KEY.toUpperCase(), TEST_KEY.slice('sk-onetoken-'.length)];

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return ['0123456789abcdef', Buffer.from(TEST_KEY).toString('base64').slice(4, 24).toLowerCase()].filter((part) => lower.includes(part));
}

describe('server strings', () => {
  test('a 400 whose param, code, type and request id echo the key is redacted in the error, its fields and the hint', async () => {
    fixture = await startMockClient({
      script: [{ kind: 'status', status: 400, error: { message: 'bad', param: `Bearer ${TEST_KEY}`, code: TEST_KEY, type: TEST_KEY } as never, headers: { 'x-request-id': TEST_KEY } }],
    }, { retry: { maxAttempts: 1 } });
    const error = await fixture.client.complete(ask(), { cellId: 'c1' }).then(() => null, (caught: unknown) => caught as Error & { param: string; requestId: string });
    expect(error).not.toBeNull();
    expect(error!.message).toContain('add "Bearer [redacted]" to this model\'s `omit` list');
    expect(error!.param).toBe('Bearer [redacted]');
    expect(error!.requestId).toBe('[redacted]');
    for (const line of [error!.message, JSON.stringify({ ...error }), ...fixture.verboseLines]) expect(leaks(line)).toEqual([]);
  });
});

describe('answers', () => {
  test('a JSON answer echoing the key in every field comes back redacted', async () => {
    const body = {
      id: `chatcmpl-${TEST_KEY}`,
      object: 'chat.completion',
      model: TEST_KEY,
      system_fingerprint: TEST_KEY,
      choices: [{ index: 0, finish_reason: TEST_KEY, message: { role: 'assistant', content: `your key is ${TEST_KEY}`, annotations: [{ type: 'url_citation', url_citation: { url: `https://x.test/?k=${TEST_KEY}`, title: TEST_KEY, start_index: 0, end_index: 1 } }] } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
    fixture = await startMockClient({ script: [{ kind: 'raw', headers: { 'content-type': 'application/json', 'x-request-id': TEST_KEY }, chunks: [JSON.stringify(body)] }] });
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(completion.content).toBe('your key is [redacted]');
    expect(leaks(JSON.stringify(completion))).toEqual([]);
  });

  test('a streamed answer with the key split across chunks comes back redacted', async () => {
    const chunk = (content: string) => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    const end = `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
    fixture = await startMockClient({
      script: [{ kind: 'raw', headers: { 'content-type': 'text/event-stream' }, chunks: [chunk(`key: ${TEST_KEY.slice(0, 10)}`), chunk(TEST_KEY.slice(10)), end] }],
    });
    const completion = await fixture.client.complete(ask('gpt-4o-mini', { stream: true }), { cellId: 'c1' });
    expect(completion.content).toBe('key: [redacted]');
  });

  test.each(FORMS.map((form) => [form]))('the form %s of the key is redacted in an answer', async (form) => {
    const body = { id: 'x', object: 'chat.completion', model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: `<${form}>` } }] };
    fixture = await startMockClient({ script: [{ kind: 'raw', headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)] }] });
    const completion = await fixture.client.complete(ask(), { cellId: 'c1' });
    expect(leaks(completion.content)).toEqual([]);
    expect(completion.content).toContain('[redacted]');
  });
});

describe('key forms', () => {
  test('ordinary text and a short prefix-less remainder are left alone', () => {
    expect(redactSecret('sk-abc is short', 'sk-abc')).toBe('[redacted] is short');
    expect(secretVariants('sk-short')).not.toContain('short');
    expect(redactSecret('the answer is Paris', TEST_KEY)).toBe('the answer is Paris');
  });

  test('a key with a line break inside is refused up front with exit 2', () => {
    let caught: unknown;
    try {
      resolveClientEnv({ ONETOKEN_API_KEY: 'sk-one\r\nsk-two' }, { isMock: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).message).toMatch(/^ONETOKEN_API_KEY contains a line break/);
  });
});
