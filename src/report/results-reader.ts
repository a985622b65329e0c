/**
 * The reader of results.json, next to its writer (`reporters/json.ts`): files are streamed line by line (never
 * parsed whole), so memory grows only with what the caller keeps. `compare`, `merge` and `--baseline` read runs
 * through it.
 *
 * The layout it relies on (written by `renderResultsJson`): a header `{"version": N, "run": <RunMeta>,` (one or
 * more lines), a line `"cells": [`, exactly one compact CellRecord per line (each followed by `,` except the
 * last), a line starting `],`, then the pretty `"summary": {...}` and `}`. Records are in plan order.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { CellRecord, JudgmentRecord } from '../run/index.js';
import { CELLS_OPENING_LINE } from './reporters/json.js';
import { READABLE_RESULTS_VERSIONS, type PairwiseSummary } from './results-schema.js';
import type { PairwiseInput } from './summary/pairwise.js';

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
  for await (const { record } of readResultEntries(path)) yield record;
}

/** Where a record's line lies in its results.json, to read it again with `readResultRecordsAt`. */
export interface ResultLinePosition {
  /** Byte offset of the record's JSON in the file. */
  offset: number;
  /** Its length in bytes, without the comma and line break after it. */
  length: number;
  /** 1-based line number, for messages. */
  lineNumber: number;
}

/** A record and where it was read. */
export interface ResultEntry {
  record: CellRecord;
  position: ResultLinePosition;
}

/**
 * `readResultCells` with where each record lies in the file: a caller that keeps only a projection of each
 * record (compare) can read the few whole records it needs again, instead of keeping them all.
 */
export async function* readResultEntries(path: string): AsyncGenerator<ResultEntry> {
  const file = await resultsFileOf(path);
  const lines = new LineReader(file);
  try {
    await readHeader(file, lines);
    for (;;) {
      if (!lines.nextBuffered() && !(await lines.next())) {
        throw new CheckpointError(`${file}:${lines.lineNumber}: the file ends inside "cells"; expected a closing "]," line (truncated copy?)`);
      }
      const { bytes } = lines;
      let start = lines.start;
      let end = lines.end;
      while (start < end && isBlank(bytes[start])) start++;
      while (end > start && isBlank(bytes[end - 1])) end--;
      if (start === end) continue;
      if (bytes[start] === CLOSE_BRACKET) return;
      if (bytes[end - 1] === COMMA) end--;
      const record = parseRecord(file, lines.lineNumber, bytes.toString('utf8', start, end));
      yield { record, position: { offset: lines.offset + start, length: end - start, lineNumber: lines.lineNumber } };
    }
  } finally {
    await lines.close();
  }
}

/**
 * The pairwise part of a results.json for rewriting its reports (`report`, `compare --html`): the judging set-up
 * from `summary.pairwise` and the `judgments` list; null when the run judged no pairs (or the file predates
 * version 4). Reads past the cells without parsing them; the summary and the judgments are at most one per row
 * and pair. A CheckpointError naming `file:line` for a judgment line that is not one.
 */
export async function readResultsPairwise(path: string): Promise<PairwiseInput | null> {
  const file = await resultsFileOf(path);
  const lines = new LineReader(file);
  try {
    await readHeader(file, lines);
    let summary: string | null = null;
    let inCells = true;
    let inJudgments = false;
    const judgments: JudgmentRecord[] = [];
    while (lines.nextBuffered() || (await lines.next())) {
      if (inCells) {
        // Only the closing line of the cells starts with `]`: every cell line starts with `{`.
        if (lines.bytes[lines.start] === CLOSE_BRACKET) inCells = false;
        continue;
      }
      const raw = lines.text();
      if (summary === null && raw.startsWith('"summary": ')) summary = raw.slice('"summary": '.length);
      else if (summary !== null && !summary.endsWith('\n}')) summary += `\n${raw === '},' ? '}' : raw}`;
      else if (raw === '"judgments": [') inJudgments = true;
      else if (inJudgments && raw.startsWith(']')) break;
      else if (inJudgments) judgments.push(parseJudgment(file, lines.lineNumber, raw.endsWith(',') ? raw.slice(0, -1) : raw));
    }
    const pairwise = summary === null ? null : ((JSON.parse(summary) as { pairwise?: PairwiseSummary | null }).pairwise ?? null);
    if (!pairwise) return null;
    const pairs = pairwise.pairs.map((pair): [string, string] => [pair.modelA, pair.modelB]);
    return { rubric: pairwise.rubric, grader: pairwise.grader, models: pairwise.models, reference: pairwise.reference, pairs, judgments };
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError(`${file}: cannot read its pairwise summary (${(error as Error).message})`, { cause: error });
  } finally {
    await lines.close();
  }
}

/** Parses one judgment line; a CheckpointError naming `file:line` when it is not JSON or not a judgment. */
function parseJudgment(file: string, lineNumber: number, text: string): JudgmentRecord {
  const value = parseLine(file, lineNumber, text);
  // Checked as far as the page and the summary read it, like a cell record's id and index.
  const judgment = value as Partial<JudgmentRecord> | null;
  const isJudgment =
    judgment !== null &&
    typeof judgment === 'object' &&
    [judgment.prompt, judgment.case, judgment.modelA, judgment.modelB].every((field) => typeof field === 'string') &&
    Number.isInteger(judgment.repeat) &&
    (judgment.winner === null || judgment.winner === 'a' || judgment.winner === 'b' || judgment.winner === 'tie') &&
    (judgment.error === null || typeof judgment.error === 'string') &&
    Array.isArray(judgment.verdicts) &&
    judgment.verdicts.every((verdict: unknown) => isVerdict(verdict));
  if (!isJudgment) {
    throw new CheckpointError(`${file}:${lineNumber}: not a pairwise judgment: expected "prompt", "case", "repeat", "modelA", "modelB", "winner", "verdicts" and "error", found ${describe(value)}`);
  }
  return judgment as JudgmentRecord;
}

/**
 * Reads again the records at `positions` (from `readResultEntries` of the same file), in the order given.
 * A CheckpointError when the file changed so that a position no longer holds a record.
 */
export async function readResultRecordsAt(path: string, positions: readonly ResultLinePosition[]): Promise<CellRecord[]> {
  if (positions.length === 0) return [];
  const file = await resultsFileOf(path);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const records: CellRecord[] = [];
    // Synchronous reads: each is a few KiB from the page cache, and a promise round trip through the thread
    // pool per record cost several times the read itself for thousands of flips.
    let buffer = Buffer.allocUnsafe(1 << 16);
    for (const { offset, length, lineNumber } of positions) {
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
      const bytesRead = readSync(fd, buffer, 0, length, offset);
      records.push(parseRecord(file, lineNumber, buffer.toString('utf8', 0, bytesRead)));
    }
    return records;
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw new CheckpointError(`${file}: cannot read (${codeOf(error)})`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const COMMA = 44;
const CLOSE_BRACKET = 93;

/** The ASCII bytes `String.prototype.trim` removes: space, tab, LF, vertical tab, form feed, CR. */
function isBlank(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

/** One read chunk and where its lines start and end; a line spanning chunks comes as its own joined chunk. */
interface LineBatch {
  bytes: Buffer;
  /** Byte offset of `bytes[0]` in the file. */
  offset: number;
  /** Start and end offsets of each line in `bytes`, without its `\n`, in pairs. */
  bounds: number[];
}

/**
 * Yields the lines of a file in batches of one read chunk, as byte ranges. Hand-rolled instead of node:readline
 * because this is the hot path of `compare` on 100,000-cell files: splitting 1 MiB buffers on byte 10 (which
 * never occurs inside a UTF-8 multi-byte sequence) and handing lines over a chunk at a time measured about 3
 * times faster than readline's decoder, regex split and one promise per line; leaving the decoding to the
 * caller lets `compare` skip it for most of each line. Only the current chunk and a partial line are held.
 */
async function* readLineBatches(path: string): AsyncGenerator<LineBatch, void, undefined> {
  const handle = await open(path, 'r');
  try {
    // One buffer read into again and again: a fresh 1 MiB buffer per read (as a read stream allocates) cost
    // more in page faults than the parsing of what it held. Each batch is consumed before the next read.
    const buffer = Buffer.allocUnsafe(1 << 20);
    // The pieces of a line that spans reads (copied, since the buffer is reused), joined once when its newline
    // arrives: concatenating the rest onto every new chunk made a 300 MB single-line file quadratic (44 s).
    let pieces: Buffer[] = [];
    let piecesOffset = 0;
    let chunkOffset = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const bounds: number[] = [];
      let start = 0;
      let end = chunk.indexOf(10, start);
      if (end !== -1 && pieces.length > 0) {
        const joined = Buffer.concat([...pieces, chunk.subarray(0, end)]);
        pieces = [];
        yield { bytes: joined, offset: piecesOffset, bounds: [0, joined.length] };
        start = end + 1;
        end = chunk.indexOf(10, start);
      }
      for (; end !== -1; end = chunk.indexOf(10, start)) {
        bounds.push(start, end);
        start = end + 1;
      }
      if (bounds.length > 0) yield { bytes: chunk, offset: chunkOffset, bounds };
      if (start < chunk.length) {
        if (pieces.length === 0) piecesOffset = chunkOffset + start;
        pieces.push(Buffer.from(chunk.subarray(start)));
      }
      chunkOffset += bytesRead;
    }
    if (pieces.length > 0) {
      const rest = Buffer.concat(pieces);
      yield { bytes: rest, offset: piecesOffset, bounds: [0, rest.length] };
    }
  } finally {
    await handle.close();
  }
}

/**
 * A cursor over the numbered lines of a file, read through `readLineBatches`: after `next()` or
 * `nextBuffered()` returns true, the line is `bytes[start, end)`. Read failures become a CheckpointError.
 */
class LineReader {
  /** 1-based number of the current line. */
  lineNumber = 0;
  bytes: Buffer = Buffer.alloc(0);
  /** Byte offset of `bytes[0]` in the file. */
  offset = 0;
  start = 0;
  end = 0;
  private readonly batches: AsyncGenerator<LineBatch, void, undefined>;
  private bounds: number[] = [];
  private position = 0;

  constructor(private readonly file: string) {
    this.batches = readLineBatches(file);
  }

  /** Moves to the next line; false at the end of the file. */
  async next(): Promise<boolean> {
    while (this.position >= this.bounds.length) {
      let result: IteratorResult<LineBatch>;
      try {
        result = await this.batches.next();
      } catch (error) {
        throw new CheckpointError(`${this.file}: cannot read (${codeOf(error)})`, { cause: error });
      }
      if (result.done) return false;
      this.bytes = result.value.bytes;
      this.offset = result.value.offset;
      this.bounds = result.value.bounds;
      this.position = 0;
    }
    return this.nextBuffered();
  }

  /** Moves to the next line if it is already read; lets hot loops skip a promise per line. */
  nextBuffered(): boolean {
    if (this.position >= this.bounds.length) return false;
    this.lineNumber++;
    this.start = this.bounds[this.position++];
    this.end = this.bounds[this.position++];
    return true;
  }

  /** The current line as text, without a trailing `\r`. */
  text(): string {
    const stop = this.end > this.start && this.bytes[this.end - 1] === 13 ? this.end - 1 : this.end;
    return this.bytes.toString('utf8', this.start, stop);
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
  while (await lines.next()) {
    const raw = lines.text();
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

/** Parses one line of JSON; a CheckpointError naming `file:line` when it is not JSON. */
function parseLine(file: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(`${file}:${lineNumber}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Parses one record line; a CheckpointError naming `file:line` when it is not JSON or not a record. */
function parseRecord(file: string, lineNumber: number, text: string): CellRecord {
  const value = parseLine(file, lineNumber, text);
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

function isVerdict(value: unknown): boolean {
  const verdict = value as Partial<JudgmentRecord['verdicts'][number]> | null;
  return verdict !== null && typeof verdict === 'object' && (verdict.order === 'ab' || verdict.order === 'ba') && (verdict.reason === null || typeof verdict.reason === 'string');
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
