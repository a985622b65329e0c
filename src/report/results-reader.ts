/**
 * The reader of results.json, next to its writer (`reporters/json.ts`): files are streamed line by line (never
 * parsed whole), so memory grows only with what the caller keeps. `compare`, `merge` and `--baseline` read runs
 * through it.
 *
 * The layout it relies on (written by `renderResultsJson`): a header `{"version": N, "run": <RunMeta>,` (one or
 * more lines), a line `"cells": [`, exactly one compact CellRecord per line (each followed by `,` except the
 * last), a line starting `],`, then the pretty `"summary": {...}` and `}`. Records are in plan order.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { CellRecord } from '../run/index.js';
import { CELLS_OPENING_LINE } from './reporters/json.js';
import { READABLE_RESULTS_VERSIONS } from './results-schema.js';

/** The header of a results.json: its version and the run metadata, to be validated by the run's own schema. */
export interface ResultsHeader {
  /** The file read (a run directory resolves to its results.json). */
  file: string;
  version: number;
  /** The `run` object as written: run.json of the run. */
  run: unknown;
}

/** Reads the header of a results.json (given as the file or its run directory). */
export async function readResultsHeader(path: string): Promise<ResultsHeader> {
  const file = await resultsFileOf(path);
  const lines = new LineReader(file);
  try {
    return await readHeader(file, lines);
  } finally {
    await lines.close();
  }
}

/**
 * Streams the cell records of a results.json (given as the file or its run directory) in file order.
 * Throws a CheckpointError naming `file:line` for a line that is not a record, and when the file ends before
 * its closing `],` line.
 */
export async function* readResultCells(path: string): AsyncGenerator<CellRecord> {
  const file = await resultsFileOf(path);
  const lines = new LineReader(file);
  try {
    await readHeader(file, lines);
    for (;;) {
      const raw = lines.nextBuffered() ?? (await lines.next());
      if (raw === null) {
        throw new CheckpointError(`${file}:${lines.lineNumber}: the file ends inside "cells"; expected a closing "]," line (truncated copy?)`);
      }
      const line = raw.trim();
      if (line.startsWith(']')) return;
      if (line === '') continue;
      yield parseRecord(file, lines.lineNumber, line.endsWith(',') ? line.slice(0, -1) : line);
    }
  } finally {
    await lines.close();
  }
}

/**
 * Yields the lines of a file without their `\n` (or `\r\n`), in batches of one read chunk. Hand-rolled instead
 * of node:readline because this is the hot path of `compare` on 100,000-cell files: splitting 1 MiB buffers on
 * byte 10 (which never occurs inside a UTF-8 multi-byte sequence), decoding each line once and handing lines
 * over a chunk at a time measured about 3 times faster than readline's decoder, regex split and one promise per
 * line. Only the current chunk and a partial line are held.
 */
async function* readLineBatches(path: string): AsyncGenerator<string[], void, undefined> {
  // The pieces of a line that spans chunks, joined once when its newline arrives: concatenating the rest onto
  // every new chunk made a 300 MB single-line file quadratic (44 s).
  let pieces: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const batch: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      const line = pieces.length > 0 ? Buffer.concat([...pieces, chunk.subarray(start, end)]) : chunk.subarray(start, end);
      pieces = [];
      const stop = line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length;
      batch.push(line.toString('utf8', 0, stop));
      start = end + 1;
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (pieces.length > 0) yield [Buffer.concat(pieces).toString('utf8')];
}

/** Numbered lines of a file, read through `readLineBatches`; read failures become a CheckpointError. */
class LineReader {
  /** 1-based number of the line last returned. */
  lineNumber = 0;
  private readonly batches: AsyncGenerator<string[], void, undefined>;
  private batch: string[] = [];
  private position = 0;

  constructor(private readonly file: string) {
    this.batches = readLineBatches(file);
  }

  /** The next line, or null at the end of the file. */
  async next(): Promise<string | null> {
    while (this.position >= this.batch.length) {
      let result: IteratorResult<string[]>;
      try {
        result = await this.batches.next();
      } catch (error) {
        throw new CheckpointError(`${this.file}: cannot read (${codeOf(error)})`, { cause: error });
      }
      if (result.done) return null;
      this.batch = result.value;
      this.position = 0;
    }
    this.lineNumber++;
    return this.batch[this.position++];
  }

  /** The next line if it is already read, else undefined; lets hot loops skip a promise per line. */
  nextBuffered(): string | undefined {
    if (this.position >= this.batch.length) return undefined;
    this.lineNumber++;
    return this.batch[this.position++];
  }

  /** Stops reading and closes the file. */
  async close(): Promise<void> {
    await this.batches.return(undefined);
  }
}

/** Resolves a run directory to its results.json; checks that a named file exists. */
async function resultsFileOf(path: string): Promise<string> {
  if ((await kindOf(path)) === 'file') return path;
  const file = join(path, 'results.json');
  try {
    if ((await stat(file)).isFile()) return file;
  } catch {
    // Fall through to the message below: a missing results.json means the run never finished.
  }
  throw new CheckpointError(
    `${path}: no results.json, so the run did not finish; resume it with \`onetoken-eval run <suite> --resume ${path}\` (plus the flags it was started with)`,
  );
}

/** Whether `path` is a directory or a file; a CheckpointError when it does not exist. */
async function kindOf(path: string): Promise<'directory' | 'file'> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new CheckpointError(`${path}: no such run directory or results file (${codeOf(error)})`, { cause: error });
  }
  if (stats.isDirectory()) return 'directory';
  // /dev/zero or a FIFO would be read forever (or block): only a regular file can be a results.json.
  if (!stats.isFile()) throw new CheckpointError(`${path}: not a regular file (a FIFO, socket or device): expected a run directory or results.json`);
  return 'file';
}

/**
 * Reads header lines up to `"cells": [` and parses them as `{...header, "cells": []}`, so a header written
 * compact or pretty both work. Leaves `lines` on the `"cells": [` line.
 */
async function readHeader(file: string, lines: LineReader): Promise<ResultsHeader> {
  let header = '';
  for (let raw = await lines.next(); raw !== null; raw = await lines.next()) {
    const line = raw.trim();
    if (lines.lineNumber === 1 && !line.startsWith('{')) break;
    if (line === CELLS_OPENING_LINE) return parseHeader(file, `${header}"cells": []}`);
    header += `${raw}\n`;
    // A results header is a few KiB; much more means this is some other JSON, so stop before buffering it all.
    if (header.length > 1_000_000) break;
  }
  throw new CheckpointError(`${file}: not an onetoken-eval results file: expected a "version" and "run" header followed by a line "cells": [`);
}

function parseHeader(file: string, text: string): ResultsHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(`${file}: not an onetoken-eval results file: the header is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const header = value as { version?: unknown; run?: unknown };
  if (typeof header.version !== 'number' || !READABLE_RESULTS_VERSIONS.includes(header.version)) {
    throw new CheckpointError(`${file}: unsupported results version ${JSON.stringify(header.version)}, expected ${READABLE_RESULTS_VERSIONS.join(' or ')} (written by another onetoken-eval version?)`);
  }
  return { file, version: header.version, run: header.run };
}

/** Parses one record line; a CheckpointError naming `file:line` when it is not JSON or not a record. */
function parseRecord(file: string, lineNumber: number, text: string): CellRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(`${file}:${lineNumber}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const record = value as Partial<CellRecord> | null;
  if (record === null || typeof record !== 'object' || typeof record.id !== 'string' || !Number.isInteger(record.index)) {
    throw new CheckpointError(`${file}:${lineNumber}: expected a cell record with "id" and "index", found ${describe(value)}`);
  }
  // Version 1 records have no tool calls, rounds or turns.
  record.toolCalls ??= [];
  record.rounds ??= [];
  record.turns ??= [];
  return record as CellRecord;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
