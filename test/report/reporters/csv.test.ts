import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CellRecord } from '../../../src/run/index.js';
import { RESULTS_CSV_COLUMNS, writeReports } from '../../../src/report/index.js';
import { indexed, makeAssertion, makeCell, makeErroredCell, makeMeta, makeTempDir, stream } from '../records.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await makeTempDir()));
afterEach(() => remove());

async function writeCsv(cells: CellRecord[]): Promise<{ text: string; rows: Record<string, string>[] }> {
  await writeReports(dir, makeMeta(), stream(indexed(cells)), { formats: ['csv'] });
  const text = await readFile(join(dir, 'results.csv'), 'utf8');
  return { text, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

const hostileTexts: { title: string; text: string }[] = [
  { title: 'commas', text: 'Paris, France, Europe' },
  { title: 'double quotes', text: 'He said "Paris" and ""left""' },
  { title: 'newlines', text: 'line one\nline two\n' },
  { title: 'CRLF inside the text', text: 'line one\r\nline two' },
  { title: 'a lone carriage return', text: 'before\rafter' },
  { title: 'emoji', text: '🇫🇷 Paris 😀👍🏽' },
  { title: 'right-to-left text', text: 'العاصمة هي باريس \u202Eabc' },
  { title: 'a leading equals sign', text: '=HYPERLINK("http://x","click")' },
  { title: 'a leading plus', text: '+33 1 23 45' },
  { title: 'a leading minus', text: '-1+1' },
  { title: 'a leading at sign', text: '@SUM(A1:A2)' },
  { title: 'surrounding spaces', text: '  padded  ' },
  { title: 'a tab', text: 'a\tb' },
];

describe('results.csv', () => {
  test.each(hostileTexts)('round-trips $title through csv-parse as the same data', async ({ text }) => {
    const cell = makeCell({ output: text, prompt: text, id: text, assertions: [makeAssertion(false, { reason: text })], pass: false });
    const { rows } = await writeCsv([cell]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: text, prompt: text, output: text, failed_assertions: text });
  });

  test('quotes a lone carriage return so readers that also break records on it keep the field whole', async () => {
    const { text } = await writeCsv([makeCell({ output: 'before\rafter' })]);
    expect(text).toContain(',"before\rafter",');
    const rows = parse(text, { bom: true, columns: true, record_delimiter: ['\r', '\n'] }) as Record<string, string>[];
    expect(rows.map((row) => row.output)).toEqual(['before\rafter']);
  });

  test('has the documented columns in order after a byte order mark', async () => {
    const { text } = await writeCsv([makeCell()]);
    expect(text.startsWith('\uFEFFid,prompt,case,model,')).toBe(true);
    expect(text.split('\n')[0]).toBe(`\uFEFF${RESULTS_CSV_COLUMNS.join(',')}`);
  });

  test('ends every record with a bare newline', async () => {
    const { text } = await writeCsv([makeCell(), makeCell({ model: 'big' })]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(4);
  });

  test.each<{ title: string; cell: CellRecord; expected: Record<string, string> }>([
    {
      title: 'a passing cell',
      cell: makeCell({ cost: 0.00125, cached: true }),
      expected: { pass: 'true', score: '1', error_code: '', latency_ms: '100', total_tokens: '15', cost_usd: '0.00125', cached: 'true', seed: '42' },
    },
    {
      title: 'an errored cell',
      cell: makeErroredCell(),
      expected: { pass: '', score: '', output: '', error_code: 'OTE_API_SERVER', error_message: '500 upstream exploded', latency_ms: '', total_tokens: '', cost_usd: '', attempts: '3' },
    },
    {
      title: 'a cell with two failed assertions',
      cell: makeCell({
        pass: false,
        assertions: [makeAssertion(false, { reason: 'first' }), makeAssertion(true), makeAssertion(false, { reason: 'second' })],
      }),
      expected: { pass: 'false', failed_assertions: 'first | second' },
    },
    {
      title: 'a cell without a seed',
      cell: makeCell({ seed: null }),
      expected: { seed: '' },
    },
  ])('writes the fields of $title', async ({ cell, expected }) => {
    const { rows } = await writeCsv([cell]);
    expect(rows[0]).toMatchObject(expected);
  });

  test('keeps plan order, one row per cell', async () => {
    const cells = [makeCell({ model: 'mini' }), makeCell({ model: 'big' }), makeCell({ case: 'spain', model: 'mini' })];
    const { rows } = await writeCsv(cells);
    expect(rows.map((row) => row.id)).toEqual(cells.map((cell) => cell.id));
  });
});
