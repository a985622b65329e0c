import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OnetokenEvalError } from '../../src/errors.js';
import { parseRunMeta, readRunMetaFile, writeRunMeta } from '../../src/run/run-meta.js';
import { makeMeta } from '../compare/records.js';
import { makeTempDir } from '../helpers/cli.js';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function failure(action: () => unknown): OnetokenEvalError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(OnetokenEvalError);
    expect((error as OnetokenEvalError).code).toBe('OTE_CHECKPOINT');
    return error as OnetokenEvalError;
  }
  throw new Error('expected a CheckpointError');
}

describe('run.json', () => {
  it('is written and read back as the same validated object', () => {
    const meta = makeMeta({ plan: { models: ['gpt-4o'], filter: 'capital/*', shard: { index: 2, count: 3 }, repeat: 3 }, shard: { index: 2, count: 3 } });
    writeRunMeta(dir.path, meta);
    expect(readRunMetaFile(dir.path)).toEqual(meta);
  });

  it('reads a version-1 file and turns its args bag into the typed plan field', () => {
    const { plan: _plan, ...rest } = makeMeta({ shard: { index: 1, count: 3 } });
    const v1 = { ...rest, version: 1, args: { models: ['gpt-4o'], filter: 'capital/*', shard: '1/3', repeat: 2, mock: true, concurrency: 8 } };
    writeFileSync(join(dir.path, 'run.json'), JSON.stringify(v1));
    const meta = readRunMetaFile(dir.path);
    expect(meta.version).toBe(2);
    expect(meta.plan).toEqual({ models: ['gpt-4o'], filter: 'capital/*', shard: { index: 1, count: 3 }, repeat: 2 });
    expect('args' in meta).toBe(false);
  });

  it.each([
    { name: 'no run.json', content: null, message: /is not a run directory: no run\.json$/ },
    { name: 'broken JSON', content: '{"version": 2,', message: /run\.json: not valid JSON/ },
    { name: 'another version', content: JSON.stringify({ ...makeMeta(), version: 7 }), message: /run\.json: unsupported run version 7, expected 1 or 2/ },
    { name: 'no plan hash', content: JSON.stringify({ ...makeMeta(), planHash: 3 }), message: /run\.json: run metadata: planHash: expected string, received number$/ },
    { name: 'an array', content: '[]', message: /run\.json: not onetoken-eval run metadata: expected an object, found an array$/ },
  ])('refuses a run directory with $name in one line', ({ content, message }) => {
    if (content !== null) writeFileSync(join(dir.path, 'run.json'), content);
    const error = failure(() => readRunMetaFile(dir.path));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('validates the run header of a results file with the same schema', () => {
    expect(parseRunMeta(makeMeta(), 'results.json')).toEqual(makeMeta());
    expect(failure(() => parseRunMeta({ ...makeMeta(), models: 'gpt-4o' }, 'results.json')).message).toMatch(/^results\.json: run metadata: models: /);
  });
});
