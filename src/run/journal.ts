/**
 * The checkpoint journal `cells.jsonl`: one finished cell per line, appended with a synchronous write the moment
 * it finishes, so `kill -9` loses at most the cells in flight. Lines are in completion order; the journal keeps
 * each cell's latest line offset by plan index, so reports read it back in plan order without holding records
 * in memory.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { CellRecord } from './record.js';

/** File name of the journal inside a run directory. */
export const JOURNAL_FILE = 'cells.jsonl';

/** Where one record sits in the file. */
interface Slot {
  offset: number;
  length: number;
}

/** An open journal. */
export class CellJournal {
  private readonly fd: number;
  private size: number;
  private readonly slots = new Map<number, Slot>();

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
    this.slots.set(record.index, { offset, length: line.length });
    return true;
  }

  /** Appends one finished cell and indexes it. */
  append(record: CellRecord): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    writeSync(this.fd, line, 0, line.length, this.size);
    this.slots.set(record.index, { offset: this.size, length: line.length - 1 });
    this.size += line.length;
  }

  /** Plan indices that have a record. */
  indices(): number[] {
    return [...this.slots.keys()].sort((a, b) => a - b);
  }

  /** True when the cell has a record. */
  has(index: number): boolean {
    return this.slots.has(index);
  }

  /** Reads the latest record of a cell. */
  read(index: number): CellRecord | null {
    const slot = this.slots.get(index);
    if (!slot) return null;
    const buffer = Buffer.alloc(slot.length);
    readSync(this.fd, buffer, 0, slot.length, slot.offset);
    return JSON.parse(buffer.toString('utf8')) as CellRecord;
  }

  /** Every latest record in plan order, read one at a time. */
  async *records(): AsyncGenerator<CellRecord> {
    for (const index of this.indices()) yield this.read(index)!;
  }

  /** Forgets a cell (its line stays in the file but is no longer its latest). */
  forget(index: number): void {
    this.slots.delete(index);
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
