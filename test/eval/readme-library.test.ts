/** The README's library example runs as written, against the built package, from a fresh working directory. */
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, makeTempDir, ROOT } from '../helpers/cli.js';

/** The first `ts` block of the README's Library section. */
function libraryExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library\n'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README: no ts block in the Library section');
  return match[1]!;
}

describe('the README library example', { timeout: 60_000 }, () => {
  it('shards, merges, compares and rescores through runSuite, mergeRuns, compareRuns and rescoreRun', () => {
    const temp = makeTempDir();
    try {
      const entry = pathToFileURL(join(BIN, '..', '..', 'index.js')).href;
      const code = libraryExample().replace(/from 'onetoken-eval'/g, `from ${JSON.stringify(entry)}`);
      for (const name of ['runSuite', 'mergeRuns', 'compareRuns', 'rescoreRun']) expect(code).toContain(`${name}(`);
      writeFileSync(join(temp.path, 'example.mjs'), code);
      symlinkSync(join(ROOT, 'suites'), join(temp.path, 'suites'));
      const env = { ...process.env };
      for (const name of ['ONETOKEN_API_KEY', 'ONETOKEN_BASE_URL', 'ONETOKEN_EVAL_CACHE_DIR']) delete env[name];
      const result = spawnSync(process.execPath, ['example.mjs'], { cwd: temp.path, env, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual(['30 30 no-change', '30 0']);
    } finally {
      temp.remove();
    }
  });
});
