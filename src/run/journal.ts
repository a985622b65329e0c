/**
 * The checkpoint journal `cells.jsonl`, owned here alone: one finished cell per line, appended with a synchronous
 * write the moment it finishes, so `kill -9` loses at most the cells in flight. Three explicit modes:
 *
 * - `openForAppend` (the runner): O_APPEND writes, so a line always lands at the end of the file, never at a
 *   remembered offset; a torn last line (a write cut by a crash) is cut off so the next append starts clean.
 * - `openReadOnly` (reports, rescore, compare, merge, annotations): never writes and never truncates; a torn
 *   last line is skipped and reported as `tornLine`.
 * - `rewriteJournal` (rescore, merge, a changed resumed suite): a whole new journal through a temp file and a
 *   rename, so a crash leaves the old journal or the new one, never a mix.
 *
 * Lines are in completion order; the journal keeps each cell's latest line offset by plan index, so records are
 * read back in plan order without holding them in memory. The index is two typed arrays by plan index (12 bytes a
 * cell) rather than a Map of slot objects (~80 bytes a cell and one more object for the GC to trace).
 */
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckpointError } from '../errors.js';
import { orderJudgment, type JudgmentRecord } from './judgment-record.js';
import { orderRecord, type CellRecord } from './record.js';

/** File name of the journal inside a run directory. */
export const JOURNAL_FILE = 'cells.jsonl';

/** File name of the journal of pairwise judgments, beside the cells' journal and kept the same way. */
export const JUDGMENTS_FILE = 'judgments.jsonl';

/** What a journal holds: its file, how a record's keys are put in file order, and how an older line is read. */
export interface JournalKind<T extends { id: string; index: number }> {
  file: string;
  order: (record: T) => T;
  /** Fills the fields a line written by an older version lacks. @default the line as it is */
  upgrade?: (record: T) => T;
}

/** The journal of answer cells, `cells.jsonl`. */
export const CELLS: JournalKind<CellRecord> = {
  file: JOURNAL_FILE,
  order: orderRecord,
  upgrade: (record) => {
    // Lines written before tool calls and conversations were recorded (results version 2 and older) lack these.
    record.toolCalls ??= [];
    record.rounds ??= [];
    record.turns ??= [];
    return record;
  },
};
/** The journal of pairwise judgments, `judgments.jsonl`: judgments are journaled, resumed and rewritten like cells. */
export const JUDGMENTS: JournalKind<JudgmentRecord> = { file: JUDGMENTS_FILE, order: orderJudgment };

/** Plan indices at or above this are refused as corrupt (a plan that large would not fit in memory anyway). */
const MAX_INDEX = 2 ** 28;

/** How a journal was opened. */
type JournalMode = 'append' | 'read';

/** An open journal. */
export class CellJournal<T extends { id: string; index: number } = CellRecord> {
  /** 1-based line number of a torn last line that was skipped (read-only) or cut off (append), else null. */
  tornLine: number | null = null;
  private size: number;
  /** Byte offset of each cell's latest line, by plan index; -1 when the cell has none. */
  private offsets = new Float64Array(0).fill(-1);
  /** Byte length of that line without its newline. */
  private lengths = new Uint32Array(0);
  /** 1-based line number of that line, so a record that contradicts the plan can be named by line. */
  private lines = new Uint32Array(0);
  /** Lines in the file so far (indexed or appended). */
  private lineCount = 0;
  private count = 0;
  /** Reused by `read`, grown to the longest line read so far. */
  private scratch = Buffer.allocUnsafe(0);

  private constructor(readonly path: string, private readonly fd: number | null, size: number, private readonly mode: JournalMode, private readonly kind: JournalKind<T>) {
    this.size = size;
  }

  /**
   * Opens (creating) the journal of a run directory for the runner and indexes what it holds. A torn last line
   * is cut off so the next append starts on a fresh line; `onTornLine` hears about it.
   */
  static openForAppend<R extends { id: string; index: number } = CellRecord>(
    runDir: string,
    onTornLine: (line: number) => void = () => undefined,
    kind: JournalKind<R> = CELLS as unknown as JournalKind<R>,
  ): CellJournal<R> {
    const path = join(runDir, kind.file);
    // 'a+': reads at explicit positions, every write at the end of the file whatever the position (O_APPEND).
    const fd = openSync(path, 'a+');
    const journal = new CellJournal<R>(path, fd, fstatSync(fd).size, 'append', kind);
    try {
      journal.index();
    } catch (error) {
      journal.close();
      throw error;
    }
    if (journal.tornLine !== null) onTornLine(journal.tornLine);
    return journal;
  }

  /**
   * Opens the journal of a run directory for reading only: nothing is ever written or truncated. A missing
   * journal (a run killed before its first cell) reads as empty.
   */
  static openReadOnly<R extends { id: string; index: number } = CellRecord>(runDir: string, kind: JournalKind<R> = CELLS as unknown as JournalKind<R>): CellJournal<R> {
    const path = join(runDir, kind.file);
    if (!existsSync(path)) return new CellJournal<R>(path, null, 0, 'read', kind);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw new CheckpointError(`${path}: cannot read the journal (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
    const journal = new CellJournal<R>(path, fd, fstatSync(fd).size, 'read', kind);
    try {
      journal.index();
    } catch (error) {
      journal.close();
      throw error;
    }
    return journal;
  }

  /** Scans the file: records the latest slot per index; handles a torn tail according to the mode. */
  private index(): void {
    if (this.fd === null) return;
    const chunkSize = 1 << 20;
    const buffer = Buffer.alloc(chunkSize);
    // Partial line carried between chunks: a list of pieces joined once, so a long line costs linear time.
    let pieces: Buffer[] = [];
    let offset = 0;
    let lineNumber = 0;
    let position = 0;
    while (position < this.size) {
      const read = readSync(this.fd, buffer, 0, chunkSize, position);
      if (read <= 0) break;
      position += read;
      const data = buffer.subarray(0, read);
      let start = 0;
      for (let newline = data.indexOf(10, start); newline !== -1; newline = data.indexOf(10, start)) {
        lineNumber++;
        const piece = data.subarray(start, newline);
        const line = pieces.length ? Buffer.concat([...pieces, piece]) : piece;
        pieces = [];
        this.accept(line, offset, lineNumber, false);
        offset += line.length + 1;
        start = newline + 1;
      }
      if (start < read) pieces.push(Buffer.from(data.subarray(start)));
    }
    if (pieces.length === 0) return;
    lineNumber++;
    const last = Buffer.concat(pieces);
    if (this.accept(last, offset, lineNumber, true)) {
      // A complete record that lacks only its newline: the runner ends the line before appending after it.
      if (this.mode === 'append') this.size += writeSync(this.fd, '\n');
      return;
    }
    this.tornLine = lineNumber;
    this.lineCount = lineNumber - 1;
    if (this.mode === 'append') {
      ftruncateSync(this.fd, offset);
      this.size = offset;
    }
  }

  private accept(line: Buffer, offset: number, lineNumber: number, isLast: boolean): boolean {
    this.lineCount = lineNumber;
    if (line.length === 0) return true;
    let record: unknown;
    try {
      record = JSON.parse(line.toString('utf8'));
    } catch (error) {
      if (isLast) return false;
      throw new CheckpointError(`${this.path}:${lineNumber}: not valid JSON in the middle of the journal (${(error as Error).message}): expected one cell record per line; move bad lines aside with: onetoken-eval repair ${dirname(this.path)}`, { cause: error });
    }
    const { id, index } = (record ?? {}) as { id?: unknown; index?: unknown };
    if (record === null || typeof record !== 'object' || Array.isArray(record) || typeof id !== 'string' || typeof index !== 'number') {
      throw new CheckpointError(`${this.path}:${lineNumber}: expected a cell record with "id" and "index", found ${describe(record)}`);
    }
    if (!Number.isInteger(index) || index < 0 || index >= MAX_INDEX) {
      throw new CheckpointError(`${this.path}:${lineNumber}: not a cell record: expected "index" to be a whole number from 0 to ${MAX_INDEX - 1}, got ${index}`);
    }
    this.setSlot(index, offset, line.length, lineNumber);
    return true;
  }

  /** Records where a cell's latest line is, growing the index arrays as needed. */
  private setSlot(index: number, offset: number, length: number, lineNumber: number): void {
    if (index >= this.offsets.length) {
      const capacity = Math.max(1024, index + 1, this.offsets.length * 2);
      const offsets = new Float64Array(capacity).fill(-1);
      offsets.set(this.offsets);
      const lengths = new Uint32Array(capacity);
      lengths.set(this.lengths);
      const lines = new Uint32Array(capacity);
      lines.set(this.lines);
      this.offsets = offsets;
      this.lengths = lengths;
      this.lines = lines;
    }
    if (this.offsets[index]! < 0) this.count++;
    this.offsets[index] = offset;
    this.lengths[index] = length;
    this.lines[index] = lineNumber;
    this.lineCount = Math.max(this.lineCount, lineNumber);
  }

  /** The 1-based line of a cell's latest record, or 0 when it has none. */
  lineOf(index: number): number {
    return this.has(index) ? this.lines[index]! : 0;
  }

  /** Appends one finished cell (keys in file order) and indexes it; only in append mode. */
  append(record: T): void {
    if (this.mode !== 'append' || this.fd === null) throw new CheckpointError(`${this.path}: the journal was opened read-only`);
    // A string write encodes straight into the syscall buffer; Buffer.from first would copy every record twice.
    const written = writeSync(this.fd, `${JSON.stringify(this.kind.order(record))}\n`, null, 'utf8');
    this.setSlot(record.index, this.size, written - 1, this.lineCount + 1);
    this.size += written;
  }

  /** Plan indices that have a record. */
  indices(): number[] {
    const indices: number[] = [];
    for (let index = 0; index < this.offsets.length; index++) if (this.offsets[index]! >= 0) indices.push(index);
    return indices;
  }

  /** How many cells have a record. */
  get cellCount(): number {
    return this.count;
  }

  /** True when the cell has a record. */
  has(index: number): boolean {
    return index >= 0 && index < this.offsets.length && this.offsets[index]! >= 0;
  }

  /** Reads the latest record of a cell. */
  read(index: number): T | null {
    if (!this.has(index) || this.fd === null) return null;
    const length = this.lengths[index]!;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2, 4096));
    readSync(this.fd, this.scratch, 0, length, this.offsets[index]!);
    const record = JSON.parse(this.scratch.toString('utf8', 0, length)) as T;
    return this.kind.upgrade ? this.kind.upgrade(record) : record;
  }

  /** Every latest record in plan order, read one at a time. */
  async *records(): AsyncGenerator<T> {
    for (let index = 0; index < this.offsets.length; index++) if (this.offsets[index]! >= 0) yield this.read(index)!;
  }

  /** Closes the file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }
}

/**
 * Every latest record of a run directory's journal, in plan order, read-only; `onTornLine` hears about a
 * skipped torn last line before the first record.
 */
export async function* journalRecords(runDir: string, onTornLine: (line: number, path: string) => void = () => undefined): AsyncGenerator<CellRecord> {
  const journal = CellJournal.openReadOnly(runDir);
  try {
    if (journal.tornLine !== null) onTornLine(journal.tornLine, journal.path);
    yield* journal.records();
  } finally {
    journal.close();
  }
}

/**
 * Replaces the journal of a run directory with `records` (keys in file order) atomically: a temp file, fsync,
 * then a rename over the old journal. Returns how many records were written.
 */
export async function rewriteJournal<R extends { id: string; index: number } = CellRecord>(
  runDir: string,
  records: Iterable<R> | AsyncIterable<R>,
  kind: JournalKind<R> = CELLS as unknown as JournalKind<R>,
): Promise<number> {
  const path = join(runDir, kind.file);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  let written = 0;
  try {
    let batch = '';
    for await (const record of records) {
      batch += `${JSON.stringify(kind.order(record))}\n`;
      written++;
      if (batch.length >= 1 << 16) {
        writeSync(fd, batch);
        batch = '';
      }
    }
    if (batch) writeSync(fd, batch);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return written;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/**
 * Every judgment of a run directory's `judgments.jsonl` in plan order, read-only; none when there is no file.
 * `onTornLine` hears about a skipped torn last line, as for `journalRecords`.
 */
export async function* journalJudgments(runDir: string, onTornLine: (line: number, path: string) => void = () => undefined): AsyncGenerator<JudgmentRecord> {
  const journal = CellJournal.openReadOnly(runDir, JUDGMENTS);
  try {
    if (journal.tornLine !== null) onTornLine(journal.tornLine, journal.path);
    yield* journal.records();
  } finally {
    journal.close();
  }
}
