/**
 * Issue 10, item 12: output locations are checked before any request (exit 2, one line naming the flag), a full
 * disk mid-run exits 3 with the journal intact and the resume command, and a closed stdout or stderr never stops
 * a run or changes its exit code.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';

const SUITE = join(ROOT, 'suites', 'capitals.yaml');
const isRoot = process.getuid?.() === 0;

describe('output locations and a failing machine', { timeout: 60_000 }, () => {
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const run = (...args: string[]) => runCli(['run', SUITE, '--mock', '--quiet', ...args], { env: cliEnv() });

  beforeAll(() => {
    temp = makeTempDir();
    writeFileSync(dir('a-file'), 'x');
    mkdirSync(dir('a-dir'));
  });
  afterAll(() => temp.remove());

  it.each([
    ['a file', () => dir('a-file'), /^onetoken-eval: --out .*a-file: is a file, expected a directory\n$/],
    ['under /dev/null', () => '/dev/null/x', /^onetoken-eval: --out \/dev\/null\/x: .*/],
    ['under /proc', () => '/proc/x', /^onetoken-eval: --out \/proc\/x: is on a kernel pseudo-filesystem/],
    ['under /sys', () => '/sys/x', /^onetoken-eval: --out \/sys\/x: is on a kernel pseudo-filesystem/],
  ])('refuses --out %s with exit 2 before any request', async (_name, out, message) => {
    const result = await run('--out', out(), '--no-cache');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses --cache-dir under /proc with exit 2 instead of spinning', async () => {
    const result = await run('--out', dir('proc-cache'), '--cache-dir', '/proc/x');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^onetoken-eval: --cache-dir \/proc\/x: is on a kernel pseudo-filesystem .*; fix the path or pass --no-cache\n$/);
  });

  it.skipIf(isRoot)('refuses a read-only --out directory with exit 2', async () => {
    mkdirSync(dir('read-only'));
    chmodSync(dir('read-only'), 0o500);
    const result = await run('--out', join(dir('read-only'), 'run'), '--no-cache');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^onetoken-eval: --out .*read-only\/run: cannot create the directory \(EACCES\)\n$/);
  });

  it('refuses --junit naming a directory before any request', async () => {
    const result = await run('--out', dir('junit-run'), '--no-cache', '--junit', dir('a-dir'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^onetoken-eval: --junit .*a-dir: is a directory, expected a file path\n$/);
    expect(existsSync(join(dir('junit-run'), 'cells.jsonl'))).toBe(false);
  });

  it('refuses an unwritable GITHUB_STEP_SUMMARY before any request', async () => {
    const result = await runCli(['run', SUITE, '--mock', '--quiet', '--out', dir('summary-run'), '--no-cache'], { env: cliEnv({ GITHUB_STEP_SUMMARY: dir('a-dir') }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^onetoken-eval: GITHUB_STEP_SUMMARY .*a-dir: cannot append the step summary \(EISDIR\)\n$/);
    expect(existsSync(join(dir('summary-run'), 'cells.jsonl'))).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 3 on a full disk mid-run with one line naming the run directory and the resume command', async () => {
    const out = dir('full');
    mkdirSync(out);
    // /dev/full accepts the open and fails every write with ENOSPC, exactly as a full disk does.
    symlinkSync('/dev/full', join(out, 'cells.jsonl'));
    const result = await run('--out', out, '--no-cache');
    expect(result.code).toBe(3);
    const last = result.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^onetoken-eval: ${out}: ENOSPC while writing the run \\(write\\); the journal keeps every cell finished so far; once fixed, resume with: onetoken-eval run \\S+capitals\\.yaml --resume ${out} --mock --no-cache$`));
    expect(result.stderr).not.toMatch(/this is a bug|at .*\.js:\d+/);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 3 when the disk fills while writing the reports, and the resume then writes them', async () => {
    const out = dir('full-reports');
    mkdirSync(out);
    symlinkSync('/dev/full', join(out, '.results.json.partial'));
    const result = await run('--out', out, '--no-cache');
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/ENOSPC while writing the run .*; once fixed, resume with: onetoken-eval run \S+ --resume /);
    expect(readFileSync(join(out, 'cells.jsonl'), 'utf8').trim().split('\n')).toHaveLength(30);
    rmSync(join(out, '.results.json.partial'), { force: true });
    const resumed = await runCli(['run', SUITE, '--mock', '--quiet', '--resume', out, '--no-cache'], { env: cliEnv() });
    expect(resumed.code).toBe(1);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });

  it('keeps running and keeps its exit code when stdout and stderr are closed early', async () => {
    const out = dir('closed');
    const child = spawn(process.execPath, [BIN, 'run', SUITE, '--mock', '--verbose', '--out', out, '--no-cache', '--concurrency', '2'], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    // Like `| head -1`: read the first chunk, then close the pipes.
    child.stderr!.once('data', () => {
      child.stderr!.destroy();
      child.stdout!.destroy();
    });
    child.stdout!.once('data', () => {
      child.stderr!.destroy();
      child.stdout!.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    const lines = readFileSync(join(out, 'cells.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(30);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });
});
