/**
 * Plan hashes, cell ids, seeds and request keys are a contract across versions: `--resume` refuses a run
 * directory whose plan hash changed, and the cache and `compare` match cells by id and request. These values were
 * taken from the shipped suites; a change here breaks every run directory users have, so it needs a migration,
 * not an update of the numbers.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { loadSuite } from '../../src/suite/index.js';

describe('plan hashes and cell ids stay the same across versions', () => {
  it.each([
    {
      suite: 'capitals.yaml',
      hash: '30c24e53764d0c4420a57cdf224e55f6d92c412ff5d4b19bf8a39c965df09500',
      cells: 30,
      first: { id: 'capital/france-638a13/gpt-4o-mini#0', seed: 1249201598 },
      last: { id: 'capital/new-zealand-b6c2ea/gpt-4.1-mini#0', seed: 132626457 },
      digest: '9f439f348a396b3e11366e8a31d7f35c2b1fc720d803d7b133076bc160b4269c',
    },
    {
      suite: 'extract-contacts.yaml',
      hash: '7bcb92fd7df2c2670058c48b9468ddb75011279b2c72016def5a1648df5a1073',
      cells: 10,
      first: { id: 'extract/ana/gpt-4o-mini#0', seed: 1482436902 },
      last: { id: 'extract/priya/gpt-4o#0', seed: 1773277813 },
      digest: 'a39b614a7a082430de18b19dbad5c8100a79fc39ec11d610cf924b83f2d80e3e',
    },
  ])('$suite keeps its plan hash, ids, seeds and request keys', ({ suite, hash, cells, first, last, digest }) => {
    const plan = buildPlan(loadSuite(join('suites', suite)));
    const all = [...plan.cells()];
    expect(plan.hash).toBe(hash);
    expect(all).toHaveLength(cells);
    expect({ id: all[0]!.id, seed: all[0]!.seed }).toEqual(first);
    expect({ id: all.at(-1)!.id, seed: all.at(-1)!.seed }).toEqual(last);
    // Every cell's id, seed and canonical request, in plan order.
    const lines = createHash('sha256');
    for (const cell of all) lines.update(`${cell.id} ${cell.seed} ${cell.requestKey}\n`);
    expect(lines.digest('hex')).toBe(digest);
  });
});
