/**
 * Readers of a finished or partial run: `run.json`, `results.json` and the `cells.jsonl` journal. I/O at the
 * edge for `compare`, `merge` and `--baseline`: files are streamed line by line (never parsed whole), so memory
 * grows only with what the caller keeps.
 *
 * `results.json` layout (written by the runner): a header `{"version": 1, "run": <RunMeta>,` (one or more
 * lines), a line `"cells": [`, exactly one compact CellRecord per line (each followed by `,` except the last),
 * a line starting `],`, then the pretty `"summary": {...}` and `}`. Records are in plan order.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CheckpointError } from '../errors.js';
import type { CellRecord, RunMeta } from './record.js';
import { RECORD_VERSION } from './record.js';

const CELLS_OPEN = '"cells": [';

/** Reads a run's metadata: `run.json` of a run directory, or the `"run"` header of a results.json file. */
export async function readRunMeta(path: string): Promise<RunMeta> {
  if ((await kindOf(path)) === 'directory') {
    const file = join(path, 'run.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CheckpointError(`${file}: cannot read run.json (${codeOf(error)}); expected a run directory`, { cause: error });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CheckpointError(`${file}: not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return checkMeta(file, value);
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    return await readHeader(path, lines[Symbol.asyncIterator]());
  } finally {
    lines.close();
  }
}

/**
 * Streams the cell records of a results.json (given as the file or its run directory) in file order.
 * Throws a CheckpointError naming `file:line` for a line that is not a record, and when the file ends before
 * its closing `],` line.
 */
export async function* readResultCells(path: string): AsyncGenerator<CellRecord> {
  const file = await resultsFileOf(path);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const header = await readHeader(file, iterator, true);
    let lineNumber = header.lineCount;
    for (;;) {
      const next = await iterator.next();
      if (next.done) throw new CheckpointError(`${file}:${lineNumber}: the file ends inside "cells"; expected a closing "]," line (truncated copy?)`);
      lineNumber++;
      const line = next.value.trim();
      if (line.startsWith(']')) return;
      if (line === '') continue;
      yield parseRecord(file, lineNumber, line.endsWith(',') ? line.slice(0, -1) : line);
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** The journal of a run directory: the last record per id, and the line of a skipped torn last line. */
export interface Journal {
  /** Last record per cell id (a later line supersedes an earlier one after `--retry-errors`). */
  records: Map<string, CellRecord>;
  /** 1-based line of an incomplete last line (the writer was killed mid-write), or null. */
  tornLine: number | null;
}

/**
 * Reads `cells.jsonl` of a run directory. A bad last line is a torn write and is skipped (reported as
 * `tornLine`); a bad line followed by more records means the file was damaged and is refused.
 */
export async function readJournal(runDir: string): Promise<Journal> {
  if ((await kindOf(runDir)) !== 'directory') throw new CheckpointError(`${runDir}: expected a run directory, found a file`);
  const file = join(runDir, 'cells.jsonl');
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    throw new CheckpointError(`${file}: cannot read the journal (${codeOf(error)}); expected a run directory written by \`onetoken-eval run\``, { cause: error });
  }
  const records = new Map<string, CellRecord>();
  let pending: { line: number; error: CheckpointError } | null = null;
  let lineNumber = 0;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = raw.trim();
      if (line === '') continue;
      if (pending) throw pending.error;
      try {
        const record = parseRecord(file, lineNumber, line);
        records.set(record.id, record);
      } catch (error) {
        if (!(error instanceof CheckpointError)) throw error;
        pending = { line: lineNumber, error };
      }
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  return { records, tornLine: pending ? pending.line : null };
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
    `${path}: no results.json, so the run did not finish; resume it with \`onetoken-eval run --resume ${path}\``,
  );
}

/** Whether `path` is a directory or a file; a CheckpointError when it does not exist. */
async function kindOf(path: string): Promise<'directory' | 'file'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    throw new CheckpointError(`${path}: no such run directory or results file (${codeOf(error)})`, { cause: error });
  }
}

/**
 * Reads header lines up to `"cells": [` and parses them as `{...header, "cells": []}`, so a header written
 * compact or pretty both work. Returns the metadata, and with `withCount` also the lines consumed.
 */
async function readHeader(file: string, lines: AsyncIterator<string>): Promise<RunMeta>;
async function readHeader(file: string, lines: AsyncIterator<string>, withCount: true): Promise<{ meta: RunMeta; lineCount: number }>;
async function readHeader(
  file: string,
  lines: AsyncIterator<string>,
  withCount = false,
): Promise<RunMeta | { meta: RunMeta; lineCount: number }> {
  let header = '';
  let lineCount = 0;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await lines.next();
    } catch (error) {
      throw new CheckpointError(`${file}: cannot read (${codeOf(error)})`, { cause: error });
    }
    if (next.done) break;
    lineCount++;
    const line = next.value.trim();
    if (lineCount === 1 && !line.startsWith('{')) break;
    if (line === CELLS_OPEN) {
      const meta = parseHeader(file, `${header}"cells": []}`);
      return withCount ? { meta, lineCount } : meta;
    }
    header += `${next.value}\n`;
    // A results header is a few KiB; much more means this is some other JSON, so stop before buffering it all.
    if (header.length > 1_000_000) break;
  }
  throw new CheckpointError(`${file}: not an onetoken-eval results file: expected a "version" and "run" header followed by a line "cells": [`);
}

function parseHeader(file: string, text: string): RunMeta {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(`${file}: not an onetoken-eval results file: the header is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const header = value as { version?: unknown; run?: unknown };
  if (header.version !== RECORD_VERSION) {
    throw new CheckpointError(`${file}: unsupported results version ${JSON.stringify(header.version)}, expected ${RECORD_VERSION} (written by another onetoken-eval version?)`);
  }
  return checkMeta(file, header.run);
}

/** Checks the fields of run metadata that readers rely on. */
function checkMeta(file: string, value: unknown): RunMeta {
  const meta = value as Partial<RunMeta> | null;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new CheckpointError(`${file}: not onetoken-eval run metadata: expected an object, found ${describe(value)}`);
  }
  if (meta.version !== RECORD_VERSION) {
    throw new CheckpointError(`${file}: unsupported run version ${JSON.stringify(meta.version)}, expected ${RECORD_VERSION}`);
  }
  for (const key of ['planHash', 'startedAt'] as const) {
    if (typeof meta[key] !== 'string') throw new CheckpointError(`${file}: run metadata: expected "${key}" to be a string, found ${describe(meta[key])}`);
  }
  if (!Number.isInteger(meta.planCells)) {
    throw new CheckpointError(`${file}: run metadata: expected "planCells" to be an integer, found ${describe(meta.planCells)}`);
  }
  if (typeof meta.suite !== 'object' || meta.suite === null || typeof meta.suite.hash !== 'string') {
    throw new CheckpointError(`${file}: run metadata: expected "suite" with a "hash", found ${describe(meta.suite)}`);
  }
  return meta as RunMeta;
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
