import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.js';
import type { MockServer, MockServerOptions } from '../../src/mock/index.js';
import { chatBody, parseSse, postChat, streamedContent } from './chat-request.js';

const QUESTION = 'Why do cats purr when they are content?';

describe('answers', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function ask(body: Record<string, unknown>, options: MockServerOptions = {}): Promise<string> {
    server ??= await startMockServer(options);
    return (await postChat(server, body)).json.choices[0].message.content;
  }

  it('gives the same answer to the same request twice', async () => {
    const first = await ask(chatBody(QUESTION, { seed: 7, temperature: 0.7 }));
    const second = await ask(chatBody(QUESTION, { seed: 7, temperature: 0.7 }));
    expect(second).toBe(first);
  });

  it('echoes a bit of the question in a made-up answer', async () => {
    expect(await ask(chatBody(QUESTION))).toContain('Why do cats purr when they are content');
  });

  it('answers differently for a different model', async () => {
    const mini = await ask(chatBody(QUESTION));
    const large = await ask(chatBody(QUESTION, { model: 'gpt-4o' }));
    expect(large).not.toBe(mini);
  });

  it('may answer differently for a different request seed or temperature', async () => {
    const answers = new Set<string>();
    for (const seed of [1, 2, 3, 4]) answers.add(await ask(chatBody(QUESTION, { seed })));
    answers.add(await ask(chatBody(QUESTION, { seed: 1, temperature: 1.5 })));
    expect(answers.size).toBeGreaterThan(1);
  });

  it('gives the same answers on a server with a different fault seed', async () => {
    const first = await ask(chatBody(QUESTION));
    await server?.close();
    server = await startMockServer({ seed: 99 });
    expect(await ask(chatBody(QUESTION))).toBe(first);
  });

  it('fills named groups of the first matching fixture into the answer', async () => {
    const fixtures = [
      { match: 'capital of (?<country>\\w+)', answer: 'The capital of ${country} is somewhere.' },
      { match: 'capital', answer: 'never chosen' },
    ];
    expect(await ask(chatBody('What is the capital of Peru?'), { fixtures })).toBe('The capital of Peru is somewhere.');
  });

  it('tries fixtures for the request model before model-less ones', async () => {
    const fixtures = [
      { match: 'hello', answer: 'generic' },
      { match: 'hello', model: 'gpt-4o', answer: 'for gpt-4o' },
    ];
    expect(await ask(chatBody('hello', { model: 'gpt-4o' }), { fixtures })).toBe('for gpt-4o');
    expect(await ask(chatBody('hello'))).toBe('generic');
  });

  it('answers 500 naming the time limit when a fixture pattern backtracks, and keeps serving', async () => {
    // In-process, ^(a+)+b$ on 40 "a"s ran for hours and froze the server (Ctrl-C included).
    const fixtures = [{ match: 'cats', answer: 'meow' }, { match: '^(a+)+b$', answer: 'never' }];
    server = await startMockServer({ fixtures, regexTimeoutMs: 100 });
    const response = await postChat(server, chatBody('a'.repeat(40)));
    expect(response.status).toBe(500);
    expect(response.json.error).toMatchObject({
      type: 'server_error',
      message: 'mock server failure: fixture patterns on the last user message: the regular expression took longer than 100 ms on this text (catastrophic backtracking?); simplify the pattern',
    });
    expect((await postChat(server, chatBody('do cats purr?'))).json.choices[0].message.content).toBe('meow');
  });

  it('refuses a regexTimeoutMs that is not a positive whole number', async () => {
    await expect(startMockServer({ regexTimeoutMs: 0 })).rejects.toThrow(/^regexTimeoutMs: expected a positive whole number of milliseconds, got 0$/);
  });

  it('matches the last user message only and honours flags', async () => {
    const fixtures = [{ match: '^second$', flags: 'i', answer: 'matched', finishReason: 'content_filter' }];
    server = await startMockServer({ fixtures });
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'SECOND' },
      ],
    };
    const response = await postChat(server, body);
    expect(response.json.choices[0].message.content).toBe('matched');
    expect(response.json.choices[0].finish_reason).toBe('content_filter');
  });

  it('returns fixture citations as url_citation annotations from a search model', async () => {
    const fixtures = [
      {
        match: 'rust',
        answer: 'Rust 1.80 is out, see https://blog.rust-lang.org/ for details.',
        citations: [{ url: 'https://blog.rust-lang.org/', title: 'Rust Blog' }],
      },
    ];
    server = await startMockServer({ fixtures });
    const body = chatBody('latest rust release', { model: 'gpt-4o-mini-search-preview' });
    const message = (await postChat(server, body)).json.choices[0].message;
    expect(message.annotations).toEqual([
      {
        type: 'url_citation',
        url_citation: { url: 'https://blog.rust-lang.org/', title: 'Rust Blog', start_index: 22, end_index: 49 },
      },
    ]);
    expect(message.content.slice(22, 49)).toBe('https://blog.rust-lang.org/');
  });

  it('gives a search model a deterministic default citation whose indices point at the link', async () => {
    server = await startMockServer();
    const body = chatBody(QUESTION, { model: 'gpt-4o-search-preview' });
    const first = (await postChat(server, body)).json.choices[0].message;
    const second = (await postChat(server, body)).json.choices[0].message;
    expect(second).toEqual(first);
    const [{ url_citation: citation }] = first.annotations;
    expect(first.content.slice(citation.start_index, citation.end_index)).toBe(`[${citation.title}](${citation.url})`);
  });

  it('puts annotations on the delta of a streamed search answer', async () => {
    server = await startMockServer();
    const body = chatBody(QUESTION, { model: 'gpt-4o-search-preview', stream: true });
    const events = parseSse((await postChat(server, body)).text);
    const annotated = events.filter((event) => event !== '[DONE]' && event.choices[0]?.delta?.annotations);
    expect(annotated).toHaveLength(1);
    const plain = (await postChat(server, { ...body, stream: false })).json.choices[0].message;
    expect(annotated[0].choices[0].delta.annotations).toEqual(plain.annotations);
    expect(streamedContent(events)).toBe(plain.content);
  });

  it('gives plain models no annotations even when a fixture has citations', async () => {
    const fixtures = [{ match: 'x', answer: 'y', citations: [{ url: 'https://a.example', title: 'A' }] }];
    server = await startMockServer({ fixtures });
    expect((await postChat(server, chatBody('x'))).json.choices[0].message.annotations).toEqual([]);
  });

  it('rejects a fixture with an invalid regular expression at start', async () => {
    await expect(startMockServer({ fixtures: [{ match: '(', answer: 'x' }] })).rejects.toThrow(TypeError);
  });
});
