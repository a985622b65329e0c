/**
 * The API errors a run met, shown on the terminal at the end: a count per error code and the first message of
 * each, so "20 errors" comes with its reason without opening the reports.
 */
import { wordOptions } from '../errors.js';
import { cellErrorTemplate, type CellRecord } from '../run/index.js';
import { flagOf } from './options.js';

/** Collects errored cells by code. */
export class ErrorSamples {
  private readonly byCode = new Map<string, { count: number; message: string }>();

  /** Notes one errored cell. */
  add(record: CellRecord): void {
    if (!record.error) return;
    const entry = this.byCode.get(record.error.code);
    if (entry) entry.count++;
    else this.byCode.set(record.error.code, { count: 1, message: wordOptions(cellErrorTemplate(record.error), flagOf) });
  }

  /** One line per error code, most frequent first. */
  lines(): string[] {
    return [...this.byCode]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([code, { count, message }]) => `${count} cell${count === 1 ? '' : 's'} errored with ${code}, e.g. ${message}`);
  }
}
