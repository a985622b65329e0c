import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CellRecord } from '../../src/run/index.js';
import { writeReports } from '../../src/report/index.js';
import type { ReportOptions } from '../../src/report/index.js';
import { indexed, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from './records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

const cells = indexed([
  makeCell({ model: 'mini' }),
  makeCell({ model: 'big', pass: false }),
  makeErroredCell({ case: 'spain', model: 'mini' }),
  makeCell({ case: 'spain', model: 'big' }),
]);

describe('writeReports', () => {
  test.each<{ title: string; options: (dir: string) => ReportOptions; files: string[] }>([
    {
      title: 'writes the five default files and no JUnit without a path',
      options: () => ({}),
      files: ['comparison.csv', 'report.html', 'results.csv', 'results.json', 'summary.md'],
    },
    {
      title: 'adds junit.xml when a JUnit path is given',
      options: (dir) => ({ junitPath: join(dir, 'junit.xml') }),
      files: ['comparison.csv', 'junit.xml', 'report.html', 'results.csv', 'results.json', 'summary.md'],
    },
    {
      title: 'writes only the formats asked for',
      options: () => ({ formats: ['csv', 'markdown'] }),
      files: ['results.csv', 'summary.md'],
    },
    {
      title: 'writes JUnit into the run directory when asked for without a path',
      options: () => ({ formats: ['junit'] }),
      files: ['junit.xml'],
    },
  ])('$title', async ({ options, files }) => {
    await writeReports(dir, makeMeta(), stream(cells), options(dir));
    expect((await readdir(dir)).sort()).toEqual(files);
  });

  test('resolves with the totals where an errored cell is neither passed nor failed', async () => {
    const { summary } = await writeReports(dir, makeMeta(), stream(cells));
    expect(summary).toMatchObject({ version: 3, cells: 4, passed: 2, failed: 1, errored: 1, passRate: 2 / 3 });
    expect(summary.models.map((model) => [model.model, model.passed, model.failed, model.errored])).toEqual([
      ['mini', 1, 0, 1],
      ['big', 1, 1, 0],
    ]);
  });

  test('creates a JUnit directory that does not exist yet', async () => {
    const junitPath = join(dir, 'ci', 'reports', 'junit.xml');
    await writeReports(join(dir, 'run'), makeMeta(), stream(cells), { junitPath });
    expect(await readdir(join(dir, 'ci', 'reports'))).toEqual(['junit.xml']);
  });

  test('leaves no partial or spool files behind when the cells fail midway', async () => {
    async function* broken(): AsyncGenerator<CellRecord> {
      yield cells[0];
      yield cells[1];
      throw new Error('journal unreadable');
    }
    await expect(writeReports(dir, makeMeta(), broken(), { junitPath: join(dir, 'junit.xml') })).rejects.toThrow(
      'journal unreadable',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  test('refuses cells out of plan order with an internal error', async () => {
    const reordered = [cells[1], cells[0]];
    await expect(writeReports(dir, makeMeta(), stream(reordered))).rejects.toMatchObject({ code: 'OTE_INTERNAL' });
    expect(await readdir(dir)).toEqual([]);
  });

  test('refuses an unknown format before touching the disk', async () => {
    const options = { formats: ['xml'] } as unknown as ReportOptions;
    await expect(writeReports(join(dir, 'run'), makeMeta(), stream(cells), options)).rejects.toMatchObject({
      code: 'OTE_USAGE',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  test('writes headers and an empty summary for a run without cells', async () => {
    const { summary, markdown } = await writeReports(dir, makeMeta(), stream([]));
    expect(markdown).toBe(await readFile(join(dir, 'summary.md'), 'utf8'));
    expect(summary).toMatchObject({ cells: 0, passRate: null, models: [] });
    expect((await readdir(dir)).sort()).toEqual(['comparison.csv', 'report.html', 'results.csv', 'results.json', 'summary.md']);
  });
});
