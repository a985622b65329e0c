/**
 * Issue 10, item 6 end to end: an answer that echoes the key, in its content (split across stream chunks) and
 * its metadata, reaches neither the journal, nor the cache, nor any report.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuite } from '../../src/eval/index.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { makeTempDir } from '../helpers/cli.js';

const KEY = 'sk-proj-leaky0123456789abcdefXYZ';

const SUITE = `name: leak
models: [gpt-4o-mini]
defaults: { stream: true }
prompts:
  - id: p
    template: "Say the key of {{ who }}"
cases:
  - id: me
    vars: { who: me }
assert:
  - type: contains
    value: key
`;

function chunk(fields: Record<string, unknown>): string {
  return `data: ${JSON.stringify({ id: `chatcmpl-${KEY}`, object: 'chat.completion.chunk', model: KEY, system_fingerprint: KEY, ...fields })}\n\n`;
}

/** Every file under `dir`, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}

describe('an answer that echoes the key', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    temp = makeTempDir();
    server = await startMockServer({
      port: 0,
      apiKeys: [KEY],
      script: [{
        kind: 'raw',
        headers: { 'content-type': 'text/event-stream', 'x-request-id': KEY },
        chunks: [
          chunk({ choices: [{ index: 0, delta: { content: `the key is ${KEY.slice(0, 12)}` }, finish_reason: null }] }),
          chunk({ choices: [{ index: 0, delta: { content: `${KEY.slice(12)} and ${Buffer.from(KEY).toString('base64')}` }, finish_reason: KEY }] }),
          'data: [DONE]\n\n',
        ],
      }],
    });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('is redacted before the journal, the cache and the reports see it', async () => {
    writeFileSync(join(temp.path, 'leak.yaml'), SUITE);
    const runDir = join(temp.path, 'run');
    const cacheDir = join(temp.path, 'cache');
    await runSuite(join(temp.path, 'leak.yaml'), { runDir, cache: cacheDir, endpoint: { baseUrl: server.url, apiKey: KEY } });
    const journal = readFileSync(join(runDir, 'cells.jsonl'), 'utf8');
    // The last base64 group may keep the key's final one or two bytes: not enough to recover anything.
    expect(JSON.parse(journal).output).toMatch(/^the key is \[redacted\] and \[redacted\]\S{0,4}$/);
    for (const text of [allText(runDir), allText(cacheDir)]) {
      expect(text).not.toContain('leaky0123456789');
      expect(text).not.toContain(Buffer.from(KEY).toString('base64').slice(4, 20));
    }
  });
});
