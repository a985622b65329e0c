/**
 * `stale.jsonl`: recorded answers that no longer belong to the run's plan (their cell left the suite, or its
 * request changed), moved aside by `rescore` and by a `--resume --allow-changed-suite` instead of being dropped.
 * Same line format as the journal; appended (O_APPEND) and fsynced before the journal is rewritten without them,
 * so a crash in between leaves a record in both files, never in neither.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { orderRecord, type CellRecord } from './record.js';

/** File name of the records kept aside inside a run directory. */
export const STALE_FILE = 'stale.jsonl';

/** Appends records to the run directory's `stale.jsonl`; returns how many. */
export function keepStaleRecords(runDir: string, records: readonly CellRecord[]): number {
  if (records.length === 0) return 0;
  const fd = openSync(join(runDir, STALE_FILE), 'a');
  try {
    writeSync(fd, records.map((record) => `${JSON.stringify(orderRecord(record))}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return records.length;
}
