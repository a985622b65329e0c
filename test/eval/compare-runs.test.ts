import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareRunRecords, renderCompareJson, toCompareCell, toSlimCompareCell } from '../../src/compare/index.js';
import { compareRuns } from '../../src/eval/index.js';
import type { CellRecord, RunMeta } from '../../src/run/index.js';
import { casesOf, makeErrored, makeMeta, makeRecord } from '../compare/records.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ote-compare-runs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** results.json in the runner's layout, with `\n` or `\r\n` line ends. */
async function writeResults(name: string, meta: RunMeta, cells: CellRecord[], lineEnd = '\n'): Promise<string> {
  const lines = [`{"version": 3, "run": ${JSON.stringify(meta)},`, '"cells": ['];
  cells.forEach((cell, i) => lines.push(`${JSON.stringify(cell)}${i < cells.length - 1 ? ',' : ''}`));
  lines.push('],', '"summary": {}', '}');
  const file = join(dir, name);
  await writeFile(file, `${lines.join(lineEnd)}${lineEnd}`);
  return file;
}

/** What compareRuns gave before it read slim cells: every cell projected in full, then compared. */
function fullComparison(baseMeta: RunMeta, base: CellRecord[], headMeta: RunMeta, head: CellRecord[], basePath: string, headPath: string) {
  return compareRunRecords({ meta: baseMeta, cells: base.map(toCompareCell), path: basePath }, { meta: headMeta, cells: head.map(toCompareCell), path: headPath });
}

/** Two sides with flips both ways, errored cells, tool calls, turns, a repeated id, unmatched cells and long lines. */
function sides(): { base: CellRecord[]; head: CellRecord[] } {
  const base: CellRecord[] = casesOf(40, [3, 7, 11, 20]);
  const head: CellRecord[] = casesOf(40, [3, 8, 12, 21, 22]).map((record) => ({ ...record, output: `${record.output} (head, 😀 é)` }));
  base[5] = { ...makeErrored({ case: 'c5' }), index: 5 };
  head[6] = { ...makeErrored({ case: 'c6' }), index: 6 };
  // A flip whose answer is a tool call and whose failure is a conversation turn's.
  head[8] = {
    ...head[8],
    output: null,
    toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"city":"Lyon"}' }],
    turns: [{ turn: 2, output: 'no', assertions: [{ type: 'contains', pass: false, score: 0, reason: 'expected "yes"', weight: 1, metric: null, error: null }], pass: false, score: 0 }],
  } as CellRecord;
  // A line longer than the reader's 1 MiB buffer, with multi-byte text across the boundary.
  head[12] = { ...head[12], output: `Lyon ${'é😀 '.repeat(400_000)}` };
  // The same id twice on one side: the comparison keeps the last.
  head.push({ ...head[21], pass: true, score: 1, output: 'repeated, now passing' });
  base.push({ ...makeRecord({ case: 'only-base', pass: false }), index: 100 });
  head.push({ ...makeRecord({ case: 'only-head' }), index: 101 });
  return { base, head };
}

describe('compareRuns', () => {
  it.each(['\n', '\r\n'])('gives the report a comparison of every cell in full gives (line end %j)', async (lineEnd) => {
    const { base, head } = sides();
    const baseMeta = makeMeta({ cells: base.length });
    const headMeta = makeMeta({ cells: new Set(head.map((cell) => cell.id)).size, startedAt: '2025-01-02T00:00:00.000Z' });
    const basePath = await writeResults('base.json', baseMeta, base, lineEnd);
    const headPath = await writeResults('head.json', headMeta, head, lineEnd);
    const { report } = await compareRuns(basePath, headPath);
    const expected = fullComparison(baseMeta, base, headMeta, head, basePath, headPath);
    expect(report.flips.length).toBeGreaterThan(4);
    expect(report.flips.some((flip) => flip.head.failedReasons.some((reason) => reason.startsWith('turn 2')))).toBe(true);
    expect(renderCompareJson(report)).toBe(renderCompareJson(expected));
    expect(report).toEqual(expected);
  });
});

describe('toSlimCompareCell', () => {
  it('is toCompareCell without the output and the failed reasons, sharing repeated strings', () => {
    const names = new Map<string, string>();
    const records = [makeRecord({ pass: false }), makeErrored({ case: 'c1' })];
    for (const record of records) {
      const slim = toSlimCompareCell(record, names);
      expect(slim).toEqual({ ...toCompareCell(record), output: null, failedReasons: [] });
    }
    expect([...names.keys()]).toEqual(expect.arrayContaining(['ask', 'gpt-4o', 'gpt-4o-2024-08-06', 'fp_1', 'OTE_API_RATE_LIMIT']));
  });
});
