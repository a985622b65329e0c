/**
 * JavaScript checks end to end: a check that never returns cannot hold the process past Ctrl-C (checks run in
 * worker threads, which the abort terminates), and nothing half-scored is journaled.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, runCli, startCli } from '../helpers/cli.js';

const LOOPING_SUITE = [
  'name: looping',
  'models: [gpt-4o-mini]',
  'prompts: [{id: p, template: "Say {{ word }}"}]',
  'cases: [{vars: {word: a}}, {vars: {word: b}}]',
  'assert:',
  '  - type: javascript',
  '    value: "(() => { for (;;) {} })()"',
  '    timeoutMs: 600000',
].join('\n');

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('javascript checks and signals', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
    writeFileSync(join(temp.path, 'looping.yaml'), LOOPING_SUITE);
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('stops a run whose checks loop forever on the second Ctrl-C, exit 130, journaling no half-scored cell', async () => {
    const out = join(temp.path, 'run');
    const before = server.stats.chatRequests;
    const { child, done } = startCli(['run', join(temp.path, 'looping.yaml'), '--out', out, '--no-cache'], { env: cliEnv({ ONETOKEN_API_KEY: 'test-key', ONETOKEN_BASE_URL: server.url }) });
    await waitFor(() => server.stats.chatRequests >= before + 2 && existsSync(join(out, 'run.json')));
    child.kill('SIGINT');
    await waitFor(() => child.exitCode !== null || existsSync(join(out, 'run.json')));
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const journal = existsSync(join(out, 'cells.jsonl')) ? readFileSync(join(out, 'cells.jsonl'), 'utf8') : '';
    expect(journal).toBe('');
  });

  it('warns on resume when a check file changed since the run started, naming rescore', async () => {
    const dir = join(temp.path, 'edited');
    const suite = join(dir, 'suite.yaml');
    const env = cliEnv({ ONETOKEN_API_KEY: 'test-key', ONETOKEN_BASE_URL: server.url });
    const out = join(dir, 'run');
    const lines = ['name: edited', 'models: [gpt-4o-mini]', 'prompts: [{id: p, template: "Say {{ word }}"}]', 'cases: [{vars: {word: a}}]', 'assert: [{type: javascript, file: check.mjs}]'];
    mkdirSync(dir, { recursive: true });
    writeFileSync(suite, lines.join('\n'));
    writeFileSync(join(dir, 'check.mjs'), 'export default (output) => output.length > 0;\n');
    expect((await runCli(['run', suite, '--out', out, '--no-cache', '--quiet'], { env })).code).toBe(0);
    const same = await runCli(['run', suite, '--resume', out, '--no-cache', '--quiet'], { env });
    expect(same.stderr).not.toContain('changed since this run started');
    writeFileSync(join(dir, 'check.mjs'), 'export default (output) => output.length > 1;\n');
    const edited = await runCli(['run', suite, '--resume', out, '--no-cache', '--quiet'], { env });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain(`the suite's files changed since this run started`);
    expect(edited.stderr).toContain(`onetoken-eval rescore ${out}`);
  });
});
