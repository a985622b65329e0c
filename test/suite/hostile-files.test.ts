/**
 * Issue 10, items 10-12: inputs are regular files under a size limit, referenced files stay inside the suite's
 * directory tree, alias bombs and deep nesting are one-line errors, and duplicate suite names are found at load.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SuiteError } from '../../src/errors.js';
import { loadSuite, loadSuites, type LoadSuiteOptions } from '../../src/suite/index.js';
import { readRegularFile } from '../../src/suite/source-files.js';

const SUITE = (casesFile: string, extra = '') => `name: hostile
models: [gpt-4o-mini]
prompts:
  - id: p
    template: "Capital of {{ country }}?"
cases:
  - file: ${casesFile}
${extra}`;

function messages(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SuiteError);
    return (error as SuiteError).issues.map((issue) => issue.message);
  }
  throw new Error('expected a SuiteError');
}

describe('hostile suite inputs', () => {
  let root: string;
  let suiteDir: string;
  const load = (casesFile: string, options: LoadSuiteOptions = {}, extra = '') => {
    writeFileSync(join(suiteDir, 'suite.yaml'), SUITE(casesFile, extra));
    return loadSuite(join(suiteDir, 'suite.yaml'), options);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ote-hostile-'));
    suiteDir = join(root, 'suites');
    mkdirSync(suiteDir);
    writeFileSync(join(root, 'outside.csv'), 'country\nFrance\n');
    writeFileSync(join(suiteDir, 'inside.csv'), 'country\nFrance\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads a data file inside the suite directory', () => {
    expect(load('inside.csv').cases).toHaveLength(1);
  });

  it.each([
    ['a path climbing out with ../', '../outside.csv', /^path leaves the suite's directory: \.\.\/outside\.csv; .* or pass .allowOutsidePaths.$/],
    ['an absolute path', '/etc/hostname', /^absolute path refused: \/etc\/hostname/],
  ])('refuses %s unless outside paths are allowed', (_name, file, message) => {
    expect(messages(() => load(file))).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a symlink that leads outside, and reads it with allowOutsidePaths', () => {
    symlinkSync(join(root, 'outside.csv'), join(suiteDir, 'p.csv'));
    expect(messages(() => load('p.csv'))).toEqual([expect.stringMatching(/^symlink leads outside the suite's directory: p\.csv/)]);
    expect(load('p.csv', { allowOutsidePaths: true }).cases).toHaveLength(1);
  });

  it('refuses a symlink to /dev/zero as not a regular file, without reading it', () => {
    symlinkSync('/dev/zero', join(suiteDir, 'zero.csv'));
    expect(messages(() => load('zero.csv', { allowOutsidePaths: true }))).toEqual([expect.stringMatching(/^not a regular file \(a FIFO, socket or device\), expected a file: /)]);
  });

  it('refuses a FIFO without blocking on it', () => {
    try {
      execFileSync('mkfifo', [join(suiteDir, 'pipe.csv')]);
    } catch {
      return; // no mkfifo on this machine: the /dev/zero case covers non-regular files
    }
    expect(messages(() => load('pipe.csv'))).toEqual([expect.stringMatching(/^not a regular file/)]);
  });

  it('refuses a data file above the size limit', () => {
    expect(messages(() => load('inside.csv', { maxDataBytes: 5 }))).toEqual([expect.stringMatching(/^file is 15 bytes, above the limit of 5 bytes: /)]);
  });

  it('stops reading a file that reports a small size but keeps going', () => {
    // /proc files report size 0; reading must stop at the limit rather than run on.
    const result = readRegularFile('/proc/self/status', 16);
    if ('text' in result) return; // not Linux
    expect('problem' in result ? result.problem : '').toMatch(/larger than the limit of 16 bytes/);
  });

  it('reports a YAML alias bomb as one issue of the suite file', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    writeFileSync(join(suiteDir, 'suite.yaml'), `${bomb.join('\n')}\n${SUITE('inside.csv')}`);
    expect(messages(() => loadSuite(join(suiteDir, 'suite.yaml')))).toEqual([expect.stringMatching(/^yaml aliases: excessive alias count/)]);
  });

  it('reports a JSONL row nested 100,000 deep with its line', () => {
    writeFileSync(join(suiteDir, 'deep.jsonl'), `{"country":"France"}\n{"country":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`);
    const issues = (() => {
      try {
        load('deep.jsonl');
      } catch (error) {
        return (error as SuiteError).issues;
      }
      return [];
    })();
    expect(issues).toEqual([expect.objectContaining({ line: 2, path: 'line 2', message: expect.stringMatching(/nested deeper than 64 levels|maximum call stack/i) })]);
  });

  it('finds two suites with the same name before any request', () => {
    writeFileSync(join(suiteDir, 'suite.yaml'), SUITE('inside.csv'));
    writeFileSync(join(suiteDir, 'copy.yaml'), SUITE('inside.csv'));
    expect(messages(() => loadSuites([join(suiteDir, 'suite.yaml'), join(suiteDir, 'copy.yaml')]))).toEqual([
      expect.stringMatching(/^duplicate suite name "hostile" \(also .*suite\.yaml\): their runs would share a directory; rename one$/),
    ]);
  });
});
