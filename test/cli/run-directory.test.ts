/**
 * Run directories under attack (issue 10, items 1-4 and 13): a second writer, a suite named "..", a journal
 * whose lines contradict the plan, a resume of a directory killed before run.json, and a killed merge.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';

const SUITE = join(ROOT, 'suites', 'capitals.yaml');

describe('run directories', { timeout: 60_000 }, () => {
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);

  /** A finished mock run, copied so each test gets a pristine directory. */
  function copyOfRun(name: string): string {
    cpSync(dir('run'), dir(name), { recursive: true });
    return dir(name);
  }

  function journalLines(runDir: string): string[] {
    return readFileSync(join(runDir, 'cells.jsonl'), 'utf8').split('\n').filter((line) => line.length > 0);
  }

  beforeAll(async () => {
    temp = makeTempDir();
    const result = await runCli(['run', SUITE, '--mock', '--out', dir('run'), '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.stderr).toBe('');
  }, 60_000);
  afterAll(() => temp.remove());

  it('refuses a second writer with exit 2 and one line naming the holder', async () => {
    const out = dir('locked');
    mkdirSync(out);
    // This test process is alive, so its lock is not stale.
    writeFileSync(join(out, 'run.lock'), `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    const result = await runCli(['run', SUITE, '--mock', '--out', out, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`onetoken-eval: ${out} is in use by process ${process.pid} (lock ${join(out, 'run.lock')}): wait for it to finish, or delete the lock file if that process is gone\n`);
    expect(existsSync(join(out, 'cells.jsonl'))).toBe(false);
  });

  it('takes over the stale lock of a killed run on resume, with a warning', async () => {
    const runDir = copyOfRun('stale-lock');
    const lines = journalLines(runDir);
    writeFileSync(join(runDir, 'cells.jsonl'), `${lines.slice(0, 10).join('\n')}\n`);
    // A pid far above any pid_max: no process has it.
    writeFileSync(join(runDir, 'run.lock'), `${JSON.stringify({ pid: 2 ** 30, host: hostname() })}\n`);
    const result = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.stderr).toMatch(/warning: .*run\.lock: took over a stale lock of process 1073741824/);
    expect(result.code).toBe(1);
    expect(journalLines(runDir)).toHaveLength(30);
    expect(existsSync(join(runDir, 'run.lock'))).toBe(false);
  });

  it('refuses a suite named ".." with exit 2 before any request', async () => {
    const folder = dir('dotdot');
    mkdirSync(join(folder, 'data'), { recursive: true });
    cpSync(join(ROOT, 'suites', 'data', 'capitals.csv'), join(folder, 'data', 'capitals.csv'));
    writeFileSync(join(folder, 'capitals.yaml'), readFileSync(SUITE, 'utf8').replace('name: capitals', 'name: ".."'));
    const result = await runCli(['run', join(folder, 'capitals.yaml'), '--mock', '--no-cache', '--quiet'], { env: cliEnv(), cwd: folder });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/capitals\.yaml:3:7: name: expected a name usable as a directory: "\." and "\.\." are refused\n$/);
    expect(existsSync(join(folder, 'results'))).toBe(false);
  });

  it('refuses a resume whose journal has an index beyond the plan, naming the line', async () => {
    const runDir = copyOfRun('phantom');
    const lines = journalLines(runDir);
    const phantom = { ...JSON.parse(lines[4]!), index: 30 };
    writeFileSync(join(runDir, 'cells.jsonl'), `${[...lines.slice(0, 5), JSON.stringify(phantom)].join('\n')}\n`);
    const result = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^onetoken-eval: ${join(runDir, 'cells.jsonl')}:6: index: expected a plan index below 30, got 30; .*onetoken-eval repair ${runDir}\\n$`));
  });

  it('refuses a resume whose journal has two swapped indices, naming the line', async () => {
    const runDir = copyOfRun('swapped');
    const records = journalLines(runDir).map((line) => JSON.parse(line));
    const a = records.find((record) => record.index === 0);
    const b = records.find((record) => record.index === 1);
    [a.index, b.index] = [1, 0];
    writeFileSync(join(runDir, 'cells.jsonl'), `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
    const result = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cells\.jsonl:\d+: id: expected "capital\/.*" at index [01], got "capital\/.*"; /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('repairs a journal with bad lines in the middle, and the resume then reruns exactly those cells', async () => {
    const runDir = copyOfRun('repair');
    const lines = journalLines(runDir);
    const phantom = JSON.stringify({ ...JSON.parse(lines[3]!), index: 99 });
    writeFileSync(join(runDir, 'cells.jsonl'), `${[...lines.slice(0, 2), '{"torn', ...lines.slice(3, 8), phantom].join('\n')}\n`);
    const refused = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cells\.jsonl:3: not valid JSON in the middle of the journal .*move bad lines aside with: onetoken-eval repair /);
    const repaired = await runCli(['repair', runDir], { env: cliEnv() });
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain(`${runDir}/cells.jsonl:3: not valid JSON`);
    expect(repaired.stdout).toContain(`${runDir}/cells.jsonl:9: index 99 is outside the plan (30 cells)`);
    expect(repaired.stdout).toMatch(new RegExp(`moved 2 bad lines to ${runDir}/rejected\\.jsonl; 23 cells will run on: onetoken-eval run <suite> --resume ${runDir}\\n$`));
    expect(readFileSync(join(runDir, 'rejected.jsonl'), 'utf8')).toBe(`{"torn\n${phantom}\n`);
    const resumed = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(resumed.code).toBe(1);
    expect(journalLines(runDir)).toHaveLength(30);
  });

  it('says to start afresh when resuming a directory killed before run.json existed', async () => {
    const runDir = dir('no-meta');
    mkdirSync(runDir);
    const result = await runCli(['run', SUITE, '--mock', '--resume', runDir, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`onetoken-eval: ${runDir} has no run.json: its run was stopped before it started, so there is nothing to resume; start afresh without --resume\n`);
  });

  it('lets a merge killed before it finished be run again into the same directory', async () => {
    const out = dir('merged');
    mkdirSync(out);
    // What a merge killed after its journal but before its run.json leaves behind.
    writeFileSync(join(out, 'cells.jsonl'), `${journalLines(dir('run')).slice(0, 3).join('\n')}\n`);
    const result = await runCli(['merge', dir('run'), '--out', out, '--quiet'], { env: cliEnv() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(journalLines(out)).toHaveLength(30);
    expect(existsSync(join(out, 'run.json'))).toBe(true);
    rmSync(out, { recursive: true });
  });
});
