/**
 * Every example in every `--help` text runs as written (issue 16, item 15): the examples are read from the help
 * output itself, run in order by `sh` from a directory holding a copy of `suites/`, with `onetoken-eval` on the
 * PATH and the environment pointing at our mock server (port 0), and each must end with its expected exit code.
 * The only rewrite is the mock-server port: `8787` becomes a free port, since the machine may use 8787.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, prepareExampleDir, runCli } from '../helpers/cli.js';

/** Exit codes the examples end with against the mock: the bundled suites fail a few cells on purpose (1). */
const EXPECTED: Record<string, number> = {
  'onetoken-eval run suites/capitals.yaml --mock': 1,
  'onetoken-eval validate suites/*.yaml': 0,
  // With a baseline the exit code is the gate's: the same mock answers, so no regression (0).
  'onetoken-eval run suites/capitals.yaml --mock --baseline results/capitals/latest': 0,
  'ONETOKEN_API_KEY=... onetoken-eval run suites/*.yaml --concurrency 16': 1,
  'onetoken-eval run suites/capitals.yaml --mock --filter "capital/*" --models gpt-4o': 0,
  'onetoken-eval run suites/capitals.yaml --mock --resume results/capitals/latest': 1,
  'onetoken-eval run suites/capitals.yaml --mock --shard 1/2 --out shards/1': 1,
  'onetoken-eval run suites/capitals.yaml --mock --shard 2/2 --out shards/2': 1,
  'onetoken-eval validate suites/*.yaml --strict --json': 0,
  'onetoken-eval plan suites/capitals.yaml': 0,
  'onetoken-eval plan suites/capitals.yaml --shard 2/4 --json': 0,
  'onetoken-eval schema > suite.schema.json': 0,
  'onetoken-eval schema results': 0,
  'onetoken-eval repair results/capitals/latest': 0,
  // By then `latest` is the --filter/--models run, whose cells all pass.
  'onetoken-eval rescore results/capitals/latest': 0,
  'onetoken-eval rescore results/capitals/latest --suite suites/capitals.yaml': 0,
  'onetoken-eval compare results/baselines/capitals.json results/capitals/latest': 0,
  'onetoken-eval compare results/baselines/capitals.json results/capitals/latest --format md > compare.md': 0,
  'onetoken-eval compare results/baselines/capitals.json results/capitals/latest --html compare.html': 0,
  'onetoken-eval report results/capitals/latest': 0,
  'onetoken-eval report results/capitals/latest --baseline results/baselines/capitals.json -o review.html': 0,
  'onetoken-eval merge shards/* --out results/capitals/merged': 1,
  'onetoken-eval models': 0,
  'onetoken-eval models --mock --json': 0,
  'ONETOKEN_API_KEY=any ONETOKEN_BASE_URL=http://127.0.0.1:8787/v1 onetoken-eval run suites/capitals.yaml': 1,
  'onetoken-eval cache info': 0,
  'onetoken-eval cache clear --cache-dir .onetoken-eval-cache': 0,
};

/** The `$ …` lines of a help text. */
function examplesOf(help: string): string[] {
  return [...help.matchAll(/^ {2}\$ (.+)$/gm)].map((match) => match[1]!);
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the examples of every --help text', { timeout: 300_000 }, () => {
  let mock: MockServer;
  const work = makeTempDir('ote-help-');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0, keepRequestLog: false });
    const path = prepareExampleDir(work.path);
    env = cliEnv({ PATH: path, ONETOKEN_API_KEY: 'sk-help-examples', ONETOKEN_BASE_URL: mock.url, ONETOKEN_EVAL_CACHE_DIR: join(work.path, 'cache') });
  });

  afterAll(async () => {
    await mock.close();
    work.remove();
  });

  it('runs each example as written and checks its exit code', async () => {
    const helps = [(await runCli(['--help'])).stdout];
    const commands = [...(await runCli(['--help'])).stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    for (const command of commands) helps.push((await runCli([command, '--help'])).stdout);
    const examples = helps.flatMap(examplesOf);
    expect(examples.length).toBeGreaterThan(commands.length);
    const port = String(await freePort());
    const server = examples.find((example) => example.includes('mock-server'));
    let serverDone: Promise<number | null> | null = null;
    let stopServer = () => undefined as void;
    const results: { example: string; code: number | null; stderr: string }[] = [];
    for (const example of examples) {
      if (example === server) {
        const child = spawn('sh', ['-c', `exec ${example.replace('8787', port)}`], { cwd: work.path, env, stdio: ['ignore', 'pipe', 'pipe'] });
        serverDone = new Promise((resolve) => child.on('close', (code) => resolve(code)));
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
        stopServer = () => void child.kill('SIGTERM');
        continue;
      }
      if (example.includes('results/baselines/capitals.json')) {
        // A baseline is a results.json the user committed earlier; here it is the first run's.
        mkdirSync(join(work.path, 'results', 'baselines'), { recursive: true });
        copyFileSync(join(work.path, 'results', 'capitals', 'latest', 'results.json'), join(work.path, 'results', 'baselines', 'capitals.json'));
      }
      const child = spawn('sh', ['-c', example.replace('8787', port)], { cwd: work.path, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
      results.push({ example, code, stderr: stderr.split('\n').filter((line) => line.startsWith('onetoken-eval')).join(' | ') });
    }
    stopServer();
    expect(server).toBeDefined();
    expect(await serverDone).toBe(0);
    expect(results.map(({ example, code, stderr }) => ({ example, code, stderr: code === EXPECTED[example] ? '' : stderr }))).toEqual(
      results.map(({ example }) => ({ example, code: EXPECTED[example] ?? 'no expected exit code: add one to EXPECTED', stderr: '' })),
    );
  });
});
