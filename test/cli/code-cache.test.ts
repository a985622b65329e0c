/** The command line's V8 code cache (src/cli/code-cache.ts): written once, used after, harmless when broken or off. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { codeCacheDirectory, installCodeCache } from '../../src/cli/code-cache.js';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.bin')).sort() : [];
}

describe('the code cache of the command line', { timeout: 60_000 }, () => {
  let temp: { path: string; remove: () => void };
  let cacheDir: string;
  beforeEach(() => {
    temp = makeTempDir('ote-code-cache-');
    cacheDir = join(temp.path, 'cache');
  });
  afterEach(() => temp.remove());

  test('is written by the first start and read, not rewritten, by the next', async () => {
    const env = cliEnv({ ONETOKEN_EVAL_COMPILE_CACHE: cacheDir });
    const first = await runCli(['validate', 'suites/capitals.yaml'], { env });
    expect(first.code).toBe(0);
    const written = entries(cacheDir);
    expect(written.length).toBeGreaterThan(1);
    expect(written.every((name) => /-[\w-]+\.cjs\.v\d+\.\d+\.\d+\.\w+\.bin$/.test(name))).toBe(true);
    const before = written.map((name) => statSync(join(cacheDir, name)).mtimeMs);

    const second = await runCli(['validate', 'suites/capitals.yaml'], { env });
    expect(second).toMatchObject({ code: 0, stdout: first.stdout, stderr: first.stderr });
    expect(entries(cacheDir)).toEqual(written);
    expect(written.map((name) => statSync(join(cacheDir, name)).mtimeMs)).toEqual(before);
  });

  test('replaces an entry V8 rejects, and the command works as before', async () => {
    const env = cliEnv({ ONETOKEN_EVAL_COMPILE_CACHE: cacheDir });
    const clean = await runCli(['--version'], { env });
    const [name] = entries(cacheDir);
    expect(name).toBeDefined();
    writeFileSync(join(cacheDir, name!), 'not V8 code cache bytes');

    const again = await runCli(['--version'], { env });
    expect(again).toMatchObject({ code: 0, stdout: clean.stdout, stderr: '' });
    expect(readFileSync(join(cacheDir, name!), 'utf8')).not.toBe('not V8 code cache bytes');
  });

  test('is off with ONETOKEN_EVAL_COMPILE_CACHE=0, and a directory it cannot create only costs speed', async () => {
    expect(codeCacheDirectory({ ONETOKEN_EVAL_COMPILE_CACHE: '0' })).toBeNull();
    expect(codeCacheDirectory({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'onetoken-eval', 'compile-cache'));
    const off = await runCli(['--version'], { env: cliEnv({ ONETOKEN_EVAL_COMPILE_CACHE: '0', XDG_CACHE_HOME: temp.path, HOME: temp.path }) });
    expect(off.code).toBe(0);
    expect(readdirSync(temp.path)).toEqual([]);

    const blocker = join(temp.path, 'a-file');
    writeFileSync(blocker, '');
    const unwritable = await runCli(['--version'], { env: cliEnv({ ONETOKEN_EVAL_COMPILE_CACHE: join(blocker, 'cache') }) });
    expect(unwritable).toMatchObject({ code: 0, stdout: off.stdout, stderr: '' });
  });

  test('keeps the columns of the file itself in stack traces (the wrapper shares its first line)', () => {
    const bundle = join(temp.path, 'bundle');
    mkdirSync(bundle);
    const source = 'exports.fail = function () { throw new Error("from the bundle"); };';
    writeFileSync(join(bundle, 'thrower-0a1b2c.cjs'), source);
    installCodeCache(bundle, cacheDir);
    const { fail } = createRequire(import.meta.url)(join(bundle, 'thrower-0a1b2c.cjs')) as { fail: () => void };
    expect(fail).toThrow('from the bundle');
    const stack = (() => {
      try {
        fail();
      } catch (error) {
        return String((error as Error).stack);
      }
      return '';
    })();
    expect(stack).toContain(`thrower-0a1b2c.cjs:1:${source.indexOf('new Error') + 1}`);
  });
});
