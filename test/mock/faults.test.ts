import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockFaults, MockServer } from '../../src/mock/index.js';
import { chatBody, parseSse, postChat } from './chat-request.js';

const QUESTION = 'Tell me a long story about a lighthouse keeper';

describe('seeded faults', () => {
  const servers: MockServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function start(faults: MockFaults, seed = 1): Promise<MockServer> {
    const server = await startMockServer({ faults, seed });
    servers.push(server);
    return server;
  }

  /** The outcome of `count` sequential requests: a status, or 'reset' when the socket was dropped. */
  async function outcomes(server: MockServer, count: number, stream = false): Promise<(number | string)[]> {
    const seen: (number | string)[] = [];
    for (let index = 0; index < count; index += 1) {
      try {
        const response = await postChat(server, chatBody(QUESTION, { stream }));
        const isCut = response.status === 200 && (stream ? !response.text.includes('[DONE]') : response.json === undefined);
        seen.push(isCut ? `${response.status}-broken` : response.status);
      } catch {
        seen.push('reset');
      }
    }
    return seen;
  }

  it('faults the same requests for the same seed', async () => {
    const faults = { rateLimit: 0.2, serverError: 0.2, reset: 0.1, malformedJson: 0.1 };
    const first = await outcomes(await start(faults, 42), 40);
    const second = await outcomes(await start(faults, 42), 40);
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 500, 503, 'reset', '200-broken']));
  });

  it('faults different requests for a different seed', async () => {
    const faults = { serverError: 0.5 };
    const first = await outcomes(await start(faults, 1), 30);
    const second = await outcomes(await start(faults, 2), 30);
    expect(second).not.toEqual(first);
  });

  it('injects faults at roughly the configured rate', async () => {
    const seen = await outcomes(await start({ rateLimit: 0.25 }, 7), 200);
    const limited = seen.filter((outcome) => outcome === 429).length;
    expect(limited).toBeGreaterThan(25);
    expect(limited).toBeLessThan(75);
  });

  it('answers a rate-limit fault with 429, Retry-After and rate_limit_exceeded', async () => {
    const server = await start({ rateLimit: 1, retryAfterSeconds: 3 });
    const response = await postChat(server, chatBody(QUESTION));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.json.error).toMatchObject({ code: 'rate_limit_exceeded' });
  });

  it('alternates 500 and 503 for server-error faults', async () => {
    expect(await outcomes(await start({ serverError: 1 }), 4)).toEqual([500, 503, 500, 503]);
  });

  it('ends a stream without [DONE] for a truncated-stream fault', async () => {
    const server = await start({ truncatedStream: 1 });
    const events = parseSse((await postChat(server, chatBody(QUESTION, { stream: true }))).text);
    expect(events.length).toBeGreaterThan(1);
    expect(events).not.toContain('[DONE]');
  });

  it('holds the first byte for a slow-first-byte fault', async () => {
    const server = await start({ slowFirstByte: 1, slowFirstByteMs: 60_000 });
    const outcome = postChat(server, chatBody(QUESTION)).then(() => 'answered', () => 'failed');
    while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    expect(await outcome).toBe('failed');
  });

  it('faults only valid requests and still lets scripted steps go first', async () => {
    const server = await start({ rateLimit: 1 });
    server.enqueue({ kind: 'ok' });
    expect((await postChat(server, chatBody(QUESTION))).status).toBe(200);
    expect((await postChat(server, chatBody(QUESTION, { model: 'nope' }))).status).toBe(404);
    expect((await postChat(server, chatBody(QUESTION))).status).toBe(429);
  });

  it.each([
    [{ rateLimit: 1.5 }, /faults\.rateLimit/],
    [{ rateLimit: 0.6, reset: 0.6 }, /add up to at most 1/],
    [{ slowFirstByteMs: -1 }, /faults\.slowFirstByteMs/],
  ])('rejects invalid fault options with a TypeError naming the option', async (faults, message) => {
    await expect(startMockServer({ faults })).rejects.toThrow(message);
  });
});
