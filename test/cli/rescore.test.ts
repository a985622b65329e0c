/**
 * `onetoken-eval rescore` end to end: edited assertions are applied to a run's recorded answers without a single
 * chat request; cells whose request changed or that left the plan are moved to stale.jsonl, never dropped or shadowed.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';

interface ResultCell {
  id: string;
  output: string;
  pass: boolean;
  score: number;
  assertions: { type: string; pass: boolean; reason: string }[];
}

const CAPITALS_SUITE = readFileSync(join(ROOT, 'suites', 'capitals.yaml'), 'utf8');
const CAPITALS_CSV = readFileSync(join(ROOT, 'suites', 'data', 'capitals.csv'), 'utf8');

function linesOf(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);
}

function cellsOf(runDir: string): ResultCell[] {
  return JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')).cells;
}

describe('onetoken-eval rescore', { timeout: 60_000 }, () => {
  let server: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const dir = (name: string) => join(temp.path, name);
  const env = () => cliEnv({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url });

  /** A copy of the recorded run, so each test rescores a pristine directory. */
  function copyOfRun(name: string): string {
    cpSync(dir('run'), dir(name), { recursive: true });
    return dir(name);
  }

  /** The capitals suite with `edit` applied, beside its own copy of the data file (plus `extraRows`). */
  function editedSuite(name: string, edit: (text: string) => string, extraRows = ''): string {
    const folder = dir(name);
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(folder, 'data', 'capitals.csv'), CAPITALS_CSV + extraRows);
    const edited = edit(CAPITALS_SUITE);
    expect(edited).not.toBe(CAPITALS_SUITE);
    writeFileSync(join(folder, 'capitals.yaml'), edited);
    return join(folder, 'capitals.yaml');
  }

  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
    temp = makeTempDir();
    const result = await runCli(['run', 'suites/capitals.yaml', '--out', dir('run'), '--no-cache', '--quiet'], { env: env() });
    expect(result.code).toBe(1);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('applies edited assertions to the recorded answers without any request', async () => {
    const runDir = copyOfRun('tighter');
    const suite = editedSuite('tighter-suite', (text) => text.replace('max: 60', 'max: 6'));
    const before = server.stats.chatRequests;
    const result = await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--json'], { env: env() });
    expect(server.stats.chatRequests).toBe(before);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).needRerun).toEqual([]);
    const old = new Map(cellsOf(dir('run')).map((cell) => [cell.id, cell]));
    const cells = cellsOf(runDir);
    expect(cells).toHaveLength(30);
    for (const cell of cells) {
      expect(cell.output).toBe(old.get(cell.id)!.output);
      const length = cell.assertions.find((assertion) => assertion.type === 'length')!;
      expect(length.pass, `${cell.id}: ${cell.output}`).toBe([...cell.output].length <= 6);
    }
    const wellington = cells.find((cell) => cell.output === 'Wellington')!;
    expect(wellington.pass).toBe(false);
    expect(old.get(wellington.id)!.pass).toBe(true);
  });

  it('scores an added assertion and rewrites every report', async () => {
    const runDir = copyOfRun('added');
    const suite = editedSuite('added-suite', (text) => text.replace('    value: "I don\'t know"\n', '    value: "I don\'t know"\n  - type: not-icontains\n    value: "the capital of"\n'));
    const before = server.stats.chatRequests;
    const result = await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    expect(server.stats.chatRequests).toBe(before);
    expect(result.code).toBe(1);
    const cells = cellsOf(runDir);
    for (const cell of cells) expect(cell.assertions.map((assertion) => assertion.type)).toEqual(['length', 'not-contains', 'not-icontains', 'icontains']);
    const sentences = cells.filter((cell) => /^The capital of/.test(cell.output));
    expect(sentences.length).toBeGreaterThan(0);
    for (const cell of sentences) expect(cell.pass).toBe(false);
    expect(readFileSync(join(runDir, 'results.csv'), 'utf8')).toContain('expected not to contain ""the capital of"" in any case');
    expect(readFileSync(join(runDir, 'summary.md'), 'utf8')).toContain(`## Failing cells (${cells.filter((cell) => !cell.pass).length})`);
  });

  it('moves cells whose prompt changed to stale.jsonl, records the new plan, and a resume reruns exactly them', async () => {
    const runDir = copyOfRun('reworded');
    const suite = editedSuite('reworded-suite', (text) => text.replace('Answer with the city name only.', 'Reply with the city only.').replace('max: 60', 'max: 6'));
    const before = server.stats.chatRequests;
    const oldHash = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).planHash;
    const result = await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    expect(server.stats.chatRequests).toBe(before);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^onetoken-eval: 30 cells no longer match the suite \(their request changed or they left the plan\): moved to .*stale\.jsonl/);
    expect(linesOf(join(runDir, 'stale.jsonl'))).toHaveLength(30);
    expect(cellsOf(runDir)).toHaveLength(0);
    expect(JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).planHash).not.toBe(oldHash);
    // A second rescore finds nothing more to set aside and loses nothing already set aside.
    await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    expect(linesOf(join(runDir, 'stale.jsonl'))).toHaveLength(30);
    const resumed = await runCli(['run', suite, '--resume', runDir, '--no-cache', '--quiet'], { env: env() });
    expect(resumed.stderr).not.toMatch(/different plan/);
    expect(server.stats.chatRequests).toBe(before + 30);
    const ids = cellsOf(runDir).map((cell) => cell.id);
    expect(new Set(ids).size).toBe(30);
  });

  it('never lets a cell that left the plan shadow or drop another cell\'s record', async () => {
    const runDir = copyOfRun('shrunk');
    const suite = editedSuite('shrunk-suite', (text) => text.replace('max: 60', 'max: 61'));
    writeFileSync(join(dir('shrunk-suite'), 'data', 'capitals.csv'), CAPITALS_CSV.replace('France,icontains:Paris,Europe\n', ''));
    const before = cellsOf(runDir);
    await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    const after = cellsOf(runDir);
    const kept = before.filter((cell) => !cell.id.startsWith('capital/france-'));
    expect(after.map((cell) => cell.id).sort()).toEqual(kept.map((cell) => cell.id).sort());
    for (const cell of after) expect(cell.output).toBe(before.find((old) => old.id === cell.id)!.output);
    const stale = linesOf(join(runDir, 'stale.jsonl')).map((line) => JSON.parse(line).id as string);
    expect(stale.sort()).toEqual(before.filter((cell) => cell.id.startsWith('capital/france-')).map((cell) => cell.id).sort());
  });

  it('names the cells of an edited suite that the run never had', async () => {
    const runDir = copyOfRun('grown');
    const suite = editedSuite('grown-suite', (text) => text.replace('max: 60', 'max: 61'), 'Peru,icontains:Lima,Americas\n');
    const result = await runCli(['rescore', runDir, '--suite', suite, '--cache-dir', dir('cache'), '--quiet'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^onetoken-eval: 3 cells of the suite are not in this run \(new cases, prompts or models, or an unfinished run\), so they are not scored: capital\/peru-[0-9a-f]+\/gpt-4o-mini#0/);
    expect(cellsOf(runDir)).toHaveLength(30);
  });

  it('exits 2 with one line when the run directory does not exist', async () => {
    const result = await runCli(['rescore', dir('no-such-run')], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`onetoken-eval: ${dir('no-such-run')} is not a run directory: no run.json`);
  });
});
