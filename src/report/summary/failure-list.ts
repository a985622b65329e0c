/**
 * The failing cells a reader is shown first (summary.md's "Failing cells", the terminal after a run), with the
 * repeats of one (prompt, case, model) folded into one entry: with `repeat: 3`, three failures of the same case
 * are one problem seen three times, not three of the twenty slots. Cells arrive in plan order, where the repeats
 * of a cell are adjacent, so only the current group is open and memory stays constant per shown entry.
 */
import type { CellRecord } from '../../run/index.js';
import { truncate } from '../text/format.js';
import { cellTranscript, failedAssertions } from '../text/transcript.js';

/** One shown entry: a failing cell, or the failing repeats of one (prompt, case, model). */
export interface FailureEntry {
  /** The cell id, or the id without `#repeat` when the entry folds several repeats. */
  id: string;
  model: string;
  modelId: string;
  /** Repeats of the group that failed or errored. */
  failed: number;
  /** Repeats of the group seen. */
  total: number;
  /** Score of the first failing repeat. */
  score: number | null;
  /** The distinct failed assertion reasons over the group's repeats, in first-seen order. */
  reasons: { type: string; reason: string }[];
  /** The first error of the group, if a repeat errored. */
  error: { code: string; message: string } | null;
  /** Output of the first failing repeat, cut to the preview length. */
  preview: string | null;
}

/** The id of a cell's repeat group: its id without the `#repeat` suffix. */
function groupKeyOf(record: CellRecord): string {
  return record.id.replace(/#\d+$/, '');
}

/** Collects the first `maxShown` failure entries of a run. */
export class FailureList {
  /** Failing or errored cells seen, shown or not. */
  failingCells = 0;
  /** Groups with at least one failing or errored repeat, shown or not. */
  failingGroups = 0;
  private readonly shown: (FailureEntry & { firstId: string })[] = [];
  private currentKey: string | null = null;
  private current: { total: number; entry: (FailureEntry & { firstId: string }) | null; hasFailed: boolean } = { total: 0, entry: null, hasFailed: false };

  constructor(private readonly maxShown: number, private readonly previewChars: number) {}

  /** Adds one cell, in plan order. */
  add(record: CellRecord): void {
    const key = groupKeyOf(record);
    if (key !== this.currentKey) {
      this.currentKey = key;
      this.current = { total: 0, entry: null, hasFailed: false };
    }
    this.current.total++;
    if (this.current.entry) this.current.entry.total = this.current.total;
    if (record.pass === true) return;
    this.failingCells++;
    if (!this.current.hasFailed) {
      this.current.hasFailed = true;
      this.failingGroups++;
      if (this.shown.length < this.maxShown) {
        this.current.entry = { ...this.entryOf(record), total: this.current.total, failed: 0, firstId: record.id };
        this.shown.push(this.current.entry);
      }
    }
    const entry = this.current.entry;
    if (!entry) return;
    entry.failed++;
    for (const reason of failedAssertions(record)) {
      if (!entry.reasons.some((seen) => seen.type === reason.type && seen.reason === reason.reason)) entry.reasons.push(reason);
    }
    if (!entry.error && record.error) entry.error = { code: record.error.code, message: record.error.message };
  }

  /** The shown entries; a group that turned out to hold one cell keeps that cell's id. */
  entries(): FailureEntry[] {
    return this.shown.map(({ firstId, ...entry }) => ({ ...entry, id: entry.total === 1 ? firstId : entry.id }));
  }

  private entryOf(record: CellRecord): FailureEntry {
    return {
      id: groupKeyOf(record),
      model: record.model,
      modelId: record.modelId,
      failed: 0,
      total: 0,
      score: record.score,
      reasons: [],
      error: record.error ? { code: record.error.code, message: record.error.message } : null,
      preview: transcriptPreview(record, this.previewChars),
    };
  }
}

/** The cell's exchange (the answer, or every step of a tool loop or conversation), cut to the preview length. */
function transcriptPreview(record: CellRecord, previewChars: number): string | null {
  const transcript = cellTranscript(record);
  return transcript === null ? null : truncate(transcript, previewChars);
}
