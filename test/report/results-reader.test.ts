import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readResultCells, readResultEntries, readResultRecordsAt, readResultsHeader, type ResultEntry } from '../../src/report/results-reader.js';
import type { CellRecord, RunMeta } from '../../src/run/index.js';
import { OnetokenEvalError } from '../../src/errors.js';
import { casesOf, makeErrored, makeMeta } from '../compare/records.js';
import { countConcatBytes } from '../helpers/copied-bytes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ote-results-reader-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes results.json in the runner's documented layout: header, `"cells": [`, one record per line, `],`, summary. */
function resultsText(meta: RunMeta, cells: CellRecord[], version = 2): string {
  const lines = [`{"version": ${version}, "run": ${JSON.stringify(meta)},`, '"cells": ['];
  cells.forEach((cell, i) => lines.push(`${JSON.stringify(cell)}${i < cells.length - 1 ? ',' : ''}`));
  lines.push('],', '"summary": {', '  "cells": ' + cells.length, '}', '}');
  return `${lines.join('\n')}\n`;
}

async function collect(path: string): Promise<CellRecord[]> {
  const cells: CellRecord[] = [];
  for await (const cell of readResultCells(path)) cells.push(cell);
  return cells;
}

async function failure(action: () => Promise<unknown>): Promise<OnetokenEvalError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(OnetokenEvalError);
    expect((error as OnetokenEvalError).code).toBe('OTE_CHECKPOINT');
    expect((error as OnetokenEvalError).exitCode).toBe(2);
    return error as OnetokenEvalError;
  }
  throw new Error('expected a CheckpointError');
}

const meta = makeMeta();
const cells = casesOf(5, [2]);

describe('readResultCells', () => {
  it('streams every record of a results file in file order', async () => {
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, cells));
    expect(JSON.parse(await readFile(file, 'utf8')).cells).toEqual(cells);
    expect(await collect(file)).toEqual(cells);
  });

  it('reads CRLF line endings and records longer than one read chunk, multi-byte text intact', async () => {
    const big = { ...cells[1], output: 'Paris 😀 é '.repeat(150_000) };
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, [cells[0], big, cells[2]]).replace(/\n/g, '\r\n'));
    const read = await collect(file);
    expect(read).toHaveLength(3);
    expect(read[1].output).toBe(big.output);
    expect(read[2]).toEqual(cells[2]);
  });

  it('copies a line that spans many read chunks once, not once per chunk (linear, not quadratic)', async () => {
    // 8 MiB in one line: 8 chunks of 1 MiB. Joining the rest onto each chunk copied 1 + 2 + … + 8 MiB = 36 MiB.
    const big = { ...cells[1], output: 'x'.repeat(8 << 20) };
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, [cells[0], big, cells[2]]));
    const { result, copiedBytes } = await countConcatBytes(() => collect(file));
    expect(result.map((cell) => cell.output?.length)).toEqual([cells[0].output?.length, 8 << 20, cells[2].output?.length]);
    expect(copiedBytes).toBeLessThan(2 * (9 << 20));
  }, 60_000);

  it.each([1, 2])('reads a version-%i file, whose cells predate tool calls and conversations, with those fields empty', async (version) => {
    const old = cells.map(({ toolCalls: _calls, rounds: _rounds, turns: _turns, ...rest }) => rest);
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, old as CellRecord[], version));
    expect(await collect(file)).toEqual(cells);
    expect((await readResultsHeader(file)).version).toBe(version);
  });

  it('reads the results.json of a run directory', async () => {
    await writeFile(join(dir, 'results.json'), resultsText(meta, cells));
    expect(await collect(dir)).toEqual(cells);
  });

  it('reads a header written over several lines and an empty cell list', async () => {
    const file = join(dir, 'results.json');
    const pretty = `{\n  "version": 1,\n  "run": ${JSON.stringify(meta, null, 2)},\n"cells": [\n],\n"summary": {}\n}\n`;
    await writeFile(file, pretty);
    expect(await collect(file)).toEqual([]);
    expect((await readResultsHeader(file)).run).toEqual(meta);
  });

  it('tells how to resume when the run directory has no results.json', async () => {
    const error = await failure(() => collect(dir));
    expect(error.message).toContain(`onetoken-eval run <suite> --resume ${dir}`);
  });

  it.each([
    { name: 'a missing path', setup: async () => join(dir, 'nope'), message: /nope: no such run directory or results file \(ENOENT\)$/ },
    { name: 'a device such as /dev/zero', setup: async () => '/dev/zero', message: /^\/dev\/zero: not a regular file \(a FIFO, socket or device\)/ },
    { name: 'a file of another format', setup: async () => write('other.json', '{"hello": "world"}\n'), message: /other\.json: not an onetoken-eval results file/ },
    { name: 'an unsupported version', setup: async () => write('results.json', resultsText(meta, cells, 5)), message: /results\.json: unsupported results version 5, expected 1 or 2 or 3 or 4/ },
    { name: 'a corrupt record line', setup: async () => write('results.json', resultsText(meta, cells).replace('"index":3', '"index":3,,')), message: /results\.json:6: not valid JSON/ },
    { name: 'a truncated file', setup: async () => write('results.json', resultsText(meta, cells).split('\n').slice(0, 5).join('\n')), message: /results\.json:5: the file ends inside "cells"/ },
  ])('refuses $name with one line naming the file', async ({ setup, message }) => {
    const path = await setup();
    const error = await failure(() => collect(path));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });
});

async function write(name: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('readResultEntries and readResultRecordsAt', () => {
  it('give where each record lies, and read the records there again, across read chunks and CRLF line ends', async () => {
    const big = { ...cells[1], output: 'Paris 😀 é '.repeat(150_000) };
    const records = [cells[0], big, cells[2], cells[3]];
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, records).replace(/\n/g, '\r\n'));
    const entries: ResultEntry[] = [];
    for await (const entry of readResultEntries(file)) entries.push(entry);
    expect(entries.map((entry) => entry.record)).toEqual(records);
    expect(entries.map((entry) => entry.position.lineNumber)).toEqual([3, 4, 5, 6]);
    const text = await readFile(file);
    for (const { record, position } of entries) {
      expect(JSON.parse(text.toString('utf8', position.offset, position.offset + position.length))).toEqual(record);
    }
    const again = await readResultRecordsAt(file, [entries[3].position, entries[1].position]);
    expect(again).toEqual([records[3], big]);
  });

  it('refuses a position that no longer holds a record with one line naming the file and line', async () => {
    const file = join(dir, 'results.json');
    await writeFile(file, resultsText(meta, cells));
    const error = await failure(() => readResultRecordsAt(file, [{ offset: 0, length: 12, lineNumber: 3 }]));
    expect(error.message).toMatch(/results\.json:3: not valid JSON/);
  });
});
