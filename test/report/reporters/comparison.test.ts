import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CellRecord, RunMeta } from '../../../src/run/index.js';
import { writeReports } from '../../../src/report/index.js';
import { indexed, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from '../records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function writeComparison(cells: CellRecord[], meta: RunMeta = makeMeta()): Promise<string[][]> {
  await writeReports(dir, meta, stream(indexed(cells)), { formats: ['comparison'] });
  return parse(await readFile(join(dir, 'comparison.csv'), 'utf8'), { bom: true }) as string[][];
}

const header = [
  'prompt', 'case', 'repeat',
  'mini:output', 'mini:pass', 'mini:score', 'mini:latency_ms', 'mini:tokens',
  'big:output', 'big:pass', 'big:score', 'big:latency_ms', 'big:tokens',
];

describe('comparison.csv', () => {
  test('puts the models of one prompt, case and repeat side by side', async () => {
    const rows = await writeComparison([
      makeCell({ model: 'mini', output: 'Paris, France' }),
      makeCell({ model: 'big', pass: false, latencyMs: 250 }),
      makeCell({ model: 'mini', repeat: 1 }),
      makeCell({ model: 'big', repeat: 1 }),
    ]);
    expect(rows).toEqual([
      header,
      ['capital', 'france', '0', 'Paris, France', 'true', '1', '100', '15', 'Lyon', 'false', '0', '250', '15'],
      ['capital', 'france', '1', 'Paris', 'true', '1', '100', '15', 'Paris', 'true', '1', '100', '15'],
    ]);
  });

  test('leaves empty fields for a model missing from a block, including the first one', async () => {
    const rows = await writeComparison([
      makeCell({ model: 'big' }),
      makeCell({ case: 'spain', model: 'mini' }),
      makeCell({ case: 'spain', model: 'big' }),
      makeCell({ case: 'italy', model: 'mini' }),
    ]);
    expect(rows[0]).toEqual(header);
    expect(rows.slice(1)).toEqual([
      ['capital', 'france', '0', '', '', '', '', '', 'Paris', 'true', '1', '100', '15'],
      ['capital', 'spain', '0', 'Paris', 'true', '1', '100', '15', 'Paris', 'true', '1', '100', '15'],
      ['capital', 'italy', '0', 'Paris', 'true', '1', '100', '15', '', '', '', '', ''],
    ]);
  });

  test('marks an errored cell as error rather than leaving it like a missing one', async () => {
    const rows = await writeComparison([makeCell({ model: 'mini' }), makeErroredCell({ model: 'big' })]);
    expect(rows[1].slice(8)).toEqual(['', 'error', '', '', '']);
  });

  test('takes its columns from the first row when run.json lists no models', async () => {
    const rows = await writeComparison([makeCell({ model: 'big' }), makeCell({ model: 'mini' })], makeMeta({ models: [] }));
    expect(rows[0].slice(3, 4).concat(rows[0].slice(8, 9))).toEqual(['big:output', 'mini:output']);
  });

  test('refuses a model that run.json does not list', async () => {
    const written = writeComparison([makeCell({ model: 'stranger' })]);
    await expect(written).rejects.toMatchObject({ code: 'OTE_INTERNAL' });
  });

  test('writes only the header for a run without cells', async () => {
    expect(await writeComparison([])).toEqual([header]);
  });
});
