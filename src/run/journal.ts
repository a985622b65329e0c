/**
 * The checkpoint journal `cells.jsonl`: one finished cell per line, appended with a synchronous write the moment
 * it finishes, so `kill -9` loses at most the cells in flight. Lines are in completion order; the journal keeps
 * each cell's latest line offset by plan index, so reports read it back in plan order without holding records
 * in memory.
 *
 * The index is two typed arrays by plan index (12 bytes a cell) rather than a Map of slot objects (~80 bytes a
 * cell and one more object for the GC to trace): it is the only thing the runner keeps per finished cell.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { CellRecord } from './record.js';

/** File name of the journal inside a run directory. */
export const JOURNAL_FILE = 'cells.jsonl';

/** Plan indices at or above this are refused as corrupt (a plan that large would not fit in memory anyway). */
const MAX_INDEX = 2 ** 28;

/** An open journal. */
export class CellJournal {
  private readonly fd: number;
  private size: number;
  /** Byte offset of each cell's latest line, by plan index; -1 when the cell has none. */
  private offsets = new Float64Array(0).fill(-1);
  /** Byte length of that line without its newline. */
  private lengths = new Uint32Array(0);
  private count = 0;
  /** Reused by `read`, grown to the longest line read so far. */
  private scratch = Buffer.allocUnsafe(0);

  private constructor(readonly path: string, fd: number, size: number) {
    this.fd = fd;
    this.size = size;
  }

  /**
   * Opens (creating) the journal of a run directory and indexes what it holds. A torn last line (a write cut by a
   * crash) is cut off so the next append starts on a fresh line; `onTornLine` hears about it.
   */
  static open(runDir: string, onTornLine: (line: number) => void = () => undefined): CellJournal {
    const path = join(runDir, JOURNAL_FILE);
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    const journal = new CellJournal(path, fd, fstatSync(fd).size);
    journal.index(onTornLine);
    return journal;
  }

  /** Scans the file: records the latest slot per index; truncates a torn tail. */
  private index(onTornLine: (line: number) => void): void {
    const chunkSize = 1 << 20;
    const buffer = Buffer.alloc(chunkSize);
    let carry = Buffer.alloc(0);
    let offset = 0;
    let lineNumber = 0;
    let position = 0;
    while (position < this.size) {
      const read = readSync(this.fd, buffer, 0, chunkSize, position);
      if (read <= 0) break;
      position += read;
      let data = carry.length ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      let start = 0;
      for (let newline = data.indexOf(10, start); newline !== -1; newline = data.indexOf(10, start)) {
        lineNumber++;
        this.accept(data.subarray(start, newline), offset, lineNumber, false);
        offset += newline - start + 1;
        start = newline + 1;
      }
      carry = Buffer.from(data.subarray(start));
      data = Buffer.alloc(0);
    }
    if (carry.length > 0) {
      lineNumber++;
      if (!this.accept(carry, offset, lineNumber, true)) {
        ftruncateSync(this.fd, offset);
        this.size = offset;
        onTornLine(lineNumber);
      } else {
        // A complete record that lacks only its newline: keep it and end the line.
        writeSync(this.fd, '\n', this.size);
        this.size += 1;
      }
    }
  }

  private accept(line: Buffer, offset: number, lineNumber: number, isLast: boolean): boolean {
    if (line.length === 0) return true;
    let record: { index?: unknown };
    try {
      record = JSON.parse(line.toString('utf8')) as { index?: unknown };
    } catch {
      if (isLast) return false;
      throw new CheckpointError(`${this.path}:${lineNumber}: corrupt line in the middle of the journal: expected one JSON record per line`);
    }
    if (typeof record.index !== 'number') throw new CheckpointError(`${this.path}:${lineNumber}: not a cell record (no "index")`);
    if (!Number.isInteger(record.index) || record.index < 0 || record.index >= MAX_INDEX) {
      throw new CheckpointError(`${this.path}:${lineNumber}: not a cell record: expected "index" to be a whole number from 0 to ${MAX_INDEX - 1}, got ${record.index}`);
    }
    this.setSlot(record.index, offset, line.length);
    return true;
  }

  /** Records where a cell's latest line is, growing the index arrays as needed. */
  private setSlot(index: number, offset: number, length: number): void {
    if (index >= this.offsets.length) {
      const capacity = Math.max(1024, index + 1, this.offsets.length * 2);
      const offsets = new Float64Array(capacity).fill(-1);
      offsets.set(this.offsets);
      const lengths = new Uint32Array(capacity);
      lengths.set(this.lengths);
      this.offsets = offsets;
      this.lengths = lengths;
    }
    if (this.offsets[index]! < 0) this.count++;
    this.offsets[index] = offset;
    this.lengths[index] = length;
  }

  /** Appends one finished cell and indexes it. */
  append(record: CellRecord): void {
    // A string write encodes straight into the syscall buffer; Buffer.from first would copy every record twice.
    const written = writeSync(this.fd, `${JSON.stringify(record)}\n`, this.size, 'utf8');
    this.setSlot(record.index, this.size, written - 1);
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
  read(index: number): CellRecord | null {
    if (!this.has(index)) return null;
    const length = this.lengths[index]!;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, this.scratch.length * 2, 4096));
    readSync(this.fd, this.scratch, 0, length, this.offsets[index]!);
    return JSON.parse(this.scratch.toString('utf8', 0, length)) as CellRecord;
  }

  /** Every latest record in plan order, read one at a time. */
  async *records(): AsyncGenerator<CellRecord> {
    for (let index = 0; index < this.offsets.length; index++) if (this.offsets[index]! >= 0) yield this.read(index)!;
  }

  /** Forgets a cell (its line stays in the file but is no longer its latest). */
  forget(index: number): void {
    if (!this.has(index)) return;
    this.offsets[index] = -1;
    this.count--;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Every latest record of a run directory's journal, in plan order; opens and closes the file itself. */
export async function* journalRecords(runDir: string): AsyncGenerator<CellRecord> {
  const journal = CellJournal.open(runDir);
  try {
    yield* journal.records();
  } finally {
    journal.close();
  }
}
