/**
 * `repair`: the way out of a journal with bad lines in the middle (a disk error, a hand edit, two writers before
 * the lock existed). Every line is read raw, in one linear pass; lines that are not a record the plan can hold are
 * appended to `rejected.jsonl` (fsynced first, so nothing is lost if this is killed) and the journal is rewritten
 * atomically without them. The cells they held simply run again on the next `--resume`.
 */
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import { JOURNAL_FILE, rewriteJournal } from './journal.js';
import type { CellRecord } from './record.js';

/** File name of the lines `repair` moved out of the journal. */
export const REJECTED_FILE = 'rejected.jsonl';

/** Why a parsed record does not belong in the journal, or null when it does. */
export type RecordCheck = (record: { id: string; index: number }) => string | null;

/** What `repairJournal` did. */
export interface JournalRepair {
  /** Lines kept in the journal. */
  kept: number;
  /** Lines moved to rejected.jsonl, with their 1-based line numbers and why. */
  rejected: { line: number; reason: string }[];
  /** Distinct plan indices the kept lines hold. */
  cells: number;
}

/** Moves the lines `check` (or JSON parsing) rejects from the journal of `runDir` to rejected.jsonl. */
export async function repairJournal(runDir: string, check: RecordCheck): Promise<JournalRepair> {
  const kept: CellRecord[] = [];
  const rejectedLines: string[] = [];
  const rejected: JournalRepair['rejected'] = [];
  const indices = new Set<number>();
  let lineNumber = 0;
  for (const line of readLines(join(runDir, JOURNAL_FILE))) {
    lineNumber++;
    if (line.trim() === '') continue;
    const reason = reasonToReject(line, check);
    if (typeof reason === 'string') {
      rejected.push({ line: lineNumber, reason });
      rejectedLines.push(line);
    } else {
      kept.push(reason);
      indices.add(reason.index);
    }
  }
  if (rejected.length > 0) {
    const fd = openSync(join(runDir, REJECTED_FILE), 'a');
    try {
      writeSync(fd, rejectedLines.map((line) => `${line}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rewriteJournal(runDir, kept);
  }
  return { kept: kept.length, rejected, cells: indices.size };
}

function reasonToReject(line: string, check: RecordCheck): string | CellRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const { id, index } = (record ?? {}) as { id?: unknown; index?: unknown };
  if (record === null || typeof record !== 'object' || typeof id !== 'string' || !Number.isSafeInteger(index) || (index as number) < 0) {
    return 'not a cell record with "id" and "index"';
  }
  return check({ id, index: index as number }) ?? (record as CellRecord);
}

/** The lines of a file, read in 1 MiB chunks; a line spanning chunks is joined once. */
function* readLines(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CheckpointError(`${path}: cannot read the journal (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  try {
    const buffer = Buffer.alloc(1 << 20);
    let pieces: Buffer[] = [];
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read <= 0) break;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < read; end = buffer.indexOf(10, start)) {
        const piece = buffer.subarray(start, end);
        yield (pieces.length ? Buffer.concat([...pieces, piece]) : piece).toString('utf8');
        pieces = [];
        start = end + 1;
      }
      if (start < read) pieces.push(Buffer.from(buffer.subarray(start, read)));
    }
    if (pieces.length > 0) yield Buffer.concat(pieces).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
