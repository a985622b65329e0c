import { lstatSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimRunDirectory, updateLatest } from '../../src/eval/run-location.js';
import { makeTempDir } from '../helpers/cli.js';

describe('default run directories', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('gives two runs started in the same second different directories', () => {
    const at = new Date('2026-11-30T10:00:00.123Z');
    const root = join(temp.path, 'results');
    const first = claimRunDirectory('qa', at, root);
    const second = claimRunDirectory('qa', at, root);
    expect(first).toBe(join(root, 'qa', '2026-11-30T10-00-00Z'));
    expect(second).toBe(join(root, 'qa', '2026-11-30T10-00-00Z-2'));
  });

  it('replaces its own latest link', () => {
    const root = join(temp.path, 'results');
    const first = claimRunDirectory('qa', new Date('2026-11-30T10:00:00Z'), root);
    const second = claimRunDirectory('qa', new Date('2026-11-30T10:00:01Z'), root);
    updateLatest(first, 'qa', undefined, root);
    updateLatest(second, 'qa', undefined, root);
    const latest = join(root, 'qa', 'latest');
    if (lstatSync(latest).isSymbolicLink()) expect(readlinkSync(latest)).toBe('2026-11-30T10-00-01Z');
    else expect(readFileSync(latest, 'utf8')).toBe('2026-11-30T10-00-01Z\n');
  });

  it('never deletes a directory named latest, and says why it left it', () => {
    const root = join(temp.path, 'results');
    const run = claimRunDirectory('qa', new Date('2026-11-30T10:00:00Z'), root);
    const latest = join(root, 'qa', 'latest');
    mkdirSync(latest);
    writeFileSync(join(latest, 'precious.txt'), 'keep me');
    const skipped: string[] = [];
    updateLatest(run, 'qa', (message) => skipped.push(message), root);
    expect(readFileSync(join(latest, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(skipped).toEqual([expect.stringMatching(/latest was not updated: it is not a link or pointer file written by onetoken-eval/)]);
  });

  it('never overwrites a file of the user named latest', () => {
    const root = join(temp.path, 'results');
    const run = claimRunDirectory('qa', new Date('2026-11-30T10:00:00Z'), root);
    const latest = join(root, 'qa', 'latest');
    writeFileSync(latest, 'line one\nline two\n');
    updateLatest(run, 'qa', () => undefined, root);
    expect(readFileSync(latest, 'utf8')).toBe('line one\nline two\n');
  });
});
