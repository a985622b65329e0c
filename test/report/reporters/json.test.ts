import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CellJournal, journalRecords, type CellRecord } from '../../../src/run/index.js';
import { CELLS_CLOSING_LINE, CELLS_OPENING_LINE, writeReports } from '../../../src/report/index.js';
import { resultsJsonSchema } from '../../../src/eval/index.js';
import { indexed, makeAssertion, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from '../records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function writeJson(cells: CellRecord[]): Promise<string> {
  await writeReports(dir, makeMeta(), stream(indexed(cells)), { formats: ['json'] });
  return readFile(join(dir, 'results.json'), 'utf8');
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(resultsJsonSchema());

const hostile = 'line\nbreak, "quotes", tab\t, \u2028separator\u2029, \u0085next, emoji 😀, RTL مرحبا';

describe('results.json', () => {
  test.each<{ title: string; cells: CellRecord[] }>([
    { title: 'a run without cells', cells: [] },
    { title: 'a run with answered, failed and errored cells', cells: [makeCell(), makeCell({ model: 'big', pass: false }), makeErroredCell({ case: 'spain' })] },
    { title: 'a run with repeats', cells: [makeCell(), makeCell({ repeat: 1, pass: false })] },
    { title: 'a run with hostile output text', cells: [makeCell({ output: hostile, id: hostile })] },
  ])('parses with JSON.parse and matches the JSON Schema for $title', async ({ cells }) => {
    const parsed: unknown = JSON.parse(await writeJson(cells));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  test('holds exactly one compact cell per line between the cells opening and closing lines', async () => {
    const cells = indexed([makeCell(), makeCell({ model: 'big', output: hostile }), makeErroredCell({ case: 'spain' })]);
    const lines = (await writeJson(cells)).split('\n');
    expect(lines.slice(0, 3).map((line) => line.slice(0, 10))).toEqual(['{"version"', '"run": {"v', CELLS_OPENING_LINE]);
    const closing = lines.indexOf(CELLS_CLOSING_LINE);
    const cellLines = lines.slice(3, closing);
    expect(cellLines).toHaveLength(3);
    expect(cellLines.map((line, position) => JSON.parse(position < 2 ? line.slice(0, -1) : line))).toEqual(cells);
    expect(cellLines.map((line) => line.endsWith(','))).toEqual([true, true, false]);
  });

  test('keeps every cell on its own line even for separators that other splitters break on', async () => {
    const text = await writeJson([makeCell({ output: hostile })]);
    expect(text).not.toMatch(/[\u2028\u2029\u0085\r]/);
    const cellLine = text.split('\n')[3];
    expect(JSON.parse(cellLine).output).toBe(hostile);
  });

  test('writes cell keys in file order whatever order the producer used, since the journal orders them', async () => {
    const cell = makeCell();
    const shuffled = Object.fromEntries(Object.entries(cell).reverse()) as unknown as CellRecord;
    const journal = CellJournal.openForAppend(dir);
    journal.append(shuffled);
    journal.close();
    await writeReports(dir, makeMeta(), journalRecords(dir), { formats: ['json'] });
    const cellLine = (await readFile(join(dir, 'results.json'), 'utf8')).split('\n')[3]!;
    expect(Object.keys(JSON.parse(cellLine))).toEqual(Object.keys(cell));
  });

  test('starts with the version and run.json and ends with the summary and a newline', async () => {
    const text = await writeJson([makeCell()]);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['version', 'run', 'cells', 'summary']);
    expect(parsed.run).toEqual(makeMeta());
    expect(text.endsWith('}\n}\n')).toBe(true);
  });

  test('adds repeat groups with k of n, the Wilson interval of the score sum, pass@k and pass^k', async () => {
    const half = { score: 0.5, assertions: [makeAssertion(false, { score: 0.5 })] };
    const cells = [
      makeCell({ repeat: 0, pass: true }),
      makeCell({ repeat: 1, pass: false, ...half }),
      makeCell({ repeat: 2, pass: false, score: 0 }),
      makeCell({ case: 'spain', repeat: 0 }),
      makeCell({ case: 'spain', repeat: 1 }),
      makeErroredCell({ case: 'spain', repeat: 2 }),
    ];
    const parsed = JSON.parse(await writeJson(cells));
    expect(parsed.summary.repeatGroups).toBe(2);
    const [france, spain] = parsed.repeatGroups;
    expect(france).toMatchObject({ case: 'france', cells: 3, n: 3, passed: 1, errored: 0, k: 3, passAtK: 1, passHatK: 0 });
    expect(france.meanScore).toBeCloseTo(0.5, 12);
    expect(france.meanScoreInterval.low).toBeCloseTo(0.1253344719102632, 12);
    expect(france.meanScoreInterval.high).toBeCloseTo(0.8746655280897369, 12);
    expect(spain).toMatchObject({ case: 'spain', cells: 3, n: 2, passed: 2, errored: 1, k: 2, passAtK: 1, passHatK: 1 });
    expect(spain.meanScoreInterval.low).toBeCloseTo(0.34238022750665303, 12);
    expect(parsed.summary.models[0].repeats).toEqual({ groups: 2, meanPassAtK: 1, meanPassHatK: 0.5 });
  });

  test('puts one repeat group per line after the summary', async () => {
    const lines = (await writeJson([makeCell(), makeCell({ repeat: 1 }), makeCell({ case: 'spain' })])).split('\n');
    const opening = lines.indexOf('"repeatGroups": [');
    expect(lines.slice(opening + 3)).toEqual([']', '}', '']);
    expect(JSON.parse(lines[opening + 1].slice(0, -1))).toMatchObject({ case: 'france', n: 2 });
    expect(JSON.parse(lines[opening + 2])).toMatchObject({ case: 'spain', n: 1 });
  });

  test('omits repeat groups when no cell has a repeat above zero', async () => {
    const parsed = JSON.parse(await writeJson([makeCell(), makeCell({ case: 'spain' })]));
    expect(parsed.summary.repeatGroups).toBe(0);
    expect(parsed.repeatGroups).toBeUndefined();
    expect(parsed.summary.models[0].repeats).toBeNull();
  });

  test('is rejected by the JSON Schema when a cell lacks a field', async () => {
    const parsed = JSON.parse(await writeJson([makeCell()]));
    delete parsed.cells[0].requestHash;
    expect(validate(parsed)).toBe(false);
  });
});
