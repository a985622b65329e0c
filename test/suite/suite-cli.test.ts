/**
 * The suite and plan commands end to end: spawns the built binary (building it first when dist/ is older than
 * the sources) and checks exit codes, stdout and the one-line stderr.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from './suite-fixture.js';

const MAIN = join('dist', 'cli', 'main.js');
const BUNDLED = readdirSync('suites').filter((name) => name.endsWith('.yaml')).map((name) => join('suites', name));

/** Newest modification time of the files under `path`. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isBuildStale(): boolean {
  try {
    return statSync(MAIN).mtimeMs < newestMtime('src');
  } catch {
    return true;
  }
}

/** Runs the CLI; returns its exit code, stdout and stderr. */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!isBuildStale()) return;
  try {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { stdio: 'pipe' });
  } catch {
    // Type errors elsewhere in the tree still emit JavaScript; the freshness check below is what matters.
  }
  expect(isBuildStale(), 'dist/ could not be rebuilt; run npm run build').toBe(false);
}, 180_000);

describe('onetoken-eval validate', { timeout: 60_000 }, () => {
  it.each(BUNDLED)('accepts the bundled suite %s with exit 0', (suite) => {
    const result = cli(['validate', suite]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${suite.replace(/[.\\/]/g, '\\$&')}: valid \\(\\d+ models?, \\d+ prompts?, \\d+ cases?\\)\\n$`));
  });

  it.each([
    { fixture: 'unknown-key.yaml', line: /^test\/fixtures\/suites\/unknown-key\.yaml:10:1: asert: unknown key "asert" \(did you mean "assert"\?\)$/ },
    { fixture: 'undefined-variable.yaml', line: /^test\/fixtures\/suites\/undefined-variable\.yaml:12:5: case "japan": prompt "capital" uses \{\{ continent \}\}/ },
    { fixture: 'malformed-csv.yaml', line: /^test\/fixtures\/suites\/data\/malformed\.csv:3:1: row 2: malformed row: / },
  ])('rejects $fixture with exit 2 and one `file:line:col: path: message` line', ({ fixture, line }) => {
    const result = cli(['validate', fixturePath(fixture)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints every issue of a file, one line each, in source order', () => {
    const result = cli(['validate', fixturePath('several-errors.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n').map((line) => line.split(': ')[0])).toEqual([
      'test/fixtures/suites/several-errors.yaml:1:7',
      'test/fixtures/suites/several-errors.yaml:5:5',
      'test/fixtures/suites/several-errors.yaml:12:16',
      'test/fixtures/suites/several-errors.yaml:13:9',
    ]);
  });

  it('refuses a data file above --max-data-bytes with exit 2 and one line naming it', () => {
    const result = cli(['validate', 'suites/capitals.yaml', '--max-data-bytes', '100']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^suites\/capitals\.yaml:\d+:\d+: cases\[\d+\]\.file: file is \d+ bytes, above the limit of 100 bytes: suites\/data\/capitals\.csv\n$/);
    expect(cli(['validate', 'suites/capitals.yaml', '--max-data-bytes', '100000']).code).toBe(0);
  });

  it('refuses a suite file above --max-source-bytes with exit 2 and one line naming it', () => {
    const result = cli(['plan', 'suites/capitals.yaml', '--max-source-bytes', '100']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^suites\/capitals\.yaml.*: file is \d+ bytes, above the limit of 100 bytes\n$/);
  });

  it('refuses a size limit that is not a whole number of bytes', () => {
    const result = cli(['validate', 'suites/capitals.yaml', '--max-data-bytes', '1e3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid --max-data-bytes "1e3": expected a whole number >= 1/);
  });

  it('prints a JSON summary with --json', () => {
    const result = cli(['validate', '--json', BUNDLED[0]!]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, suites: [{ path: BUNDLED[0] }] });
  });
});

describe('onetoken-eval plan', { timeout: 60_000 }, () => {
  it('prints the whole plan as JSON with the cell count of the suite', () => {
    const result = cli(['plan', join('suites', 'capitals.yaml'), '--json']);
    expect(result.code).toBe(0);
    const { plans } = JSON.parse(result.stdout) as { plans: { totalCells: number; cellCount: number; hash: string; cells: { id: string; seed: number }[] }[] };
    expect(plans).toHaveLength(1);
    expect(plans[0]!.totalCells).toBe(30);
    expect(plans[0]!.cellCount).toBe(30);
    expect(plans[0]!.cells).toHaveLength(30);
    expect(new Set(plans[0]!.cells.map((cell) => cell.id)).size).toBe(30);
  });

  it('estimates the cost per model and in total from the suite\'s pricing, and says it is an estimate', () => {
    const result = cli(['plan', join('suites', 'capitals.yaml'), '--limit', '0']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toMatch(/^ {2}model +cells +requests +est\. cost$/);
    expect(lines.slice(3, 7).map((line) => line.trim().split(/\s+/))).toEqual([
      ['gpt-4o-mini', '10', '10', expect.stringMatching(/^\$0\.000\d+$/)],
      ['gpt-4o', '10', '10', expect.stringMatching(/^\$0\.00\d+$/)],
      ['gpt-4.1-mini', '10', '10', expect.stringMatching(/^\$0\.000\d+$/)],
      ['total', '30', '30', expect.stringMatching(/^\$0\.00\d+$/)],
    ]);
    expect(result.stdout).toContain('est. cost: an estimate from the suite\'s pricing: prompt tokens ~ characters / 4 of the rendered messages, completion tokens at most max_tokens');
    const json = JSON.parse(cli(['plan', join('suites', 'capitals.yaml'), '--json']).stdout).plans[0];
    expect(json.estimatedCost.models.map((model: { model: string }) => model.model)).toEqual(['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini']);
    expect(json.estimatedCost.cost).toBeGreaterThan(0);
  });

  it('prints no cost column for a suite without pricing', () => {
    const result = cli(['plan', join('suites', 'tools.yaml'), '--limit', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('est. cost');
  });

  it('prints one shard with the hash of the whole plan', () => {
    const whole = JSON.parse(cli(['plan', join('suites', 'capitals.yaml'), '--json']).stdout).plans[0];
    const shard = JSON.parse(cli(['plan', join('suites', 'capitals.yaml'), '--json', '--shard', '2/3', '--models', 'gpt-4o,gpt-4o-mini']).stdout).plans[0];
    expect(shard.shard).toEqual({ index: 2, count: 3 });
    expect(shard.models).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(shard.cellCount).toBe(shard.cells.length);
    expect(shard.cells.length).toBeGreaterThan(0);
    const filtered = JSON.parse(cli(['plan', join('suites', 'capitals.yaml'), '--json', '--models', 'gpt-4o,gpt-4o-mini']).stdout).plans[0];
    expect(shard.hash).toBe(filtered.hash);
    expect(filtered.hash).not.toBe(whole.hash);
  });

  it.each([
    { args: ['--shard', '0/3'], words: /invalid --shard "0\/3"/ },
    { args: ['--shard', 'half'], words: /invalid --shard "half": expected i\/n/ },
    { args: ['--filter', '[abc'], words: /invalid --filter "\[abc": unclosed "\["/ },
    { args: ['--filter', 'nothing/*'], words: /matches no prompt\/case/ },
    { args: ['--models', 'gpt-4o-mni'], words: /unknown model "gpt-4o-mni" in --models \(did you mean "gpt-4o-mini"\?\)/ },
  ])('refuses $args with exit 2 and one line', ({ args, words }) => {
    const result = cli(['plan', join('suites', 'capitals.yaml'), ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^onetoken-eval: [^\n]+\n$/);
    expect(result.stderr).toMatch(words);
  });
});

describe('onetoken-eval schema, --version and flags', { timeout: 60_000 }, () => {
  it('prints the suite JSON Schema, identical to suites/suite.schema.json', () => {
    const result = cli(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', title: 'onetoken-eval suite' });
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'models', 'prompts', 'cases']));
    // Regenerate with: node dist/cli/main.js schema > suites/suite.schema.json
    expect(readFileSync(join('suites', 'suite.schema.json'), 'utf8')).toBe(result.stdout);
  });

  it('points every bundled suite at the committed schema', () => {
    for (const suite of BUNDLED) expect(readFileSync(suite, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./suite.schema.json');
  });

  it('prints the package version with --version', () => {
    const result = cli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('refuses an unknown flag with exit 2 and a one-line suggestion', () => {
    const result = cli(['validate', '--jsn', BUNDLED[0]!]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("onetoken-eval: unknown option '--jsn' (did you mean --json?)\n");
  });
});
