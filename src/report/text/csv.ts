/** One CSV record at a time, RFC 4180, so the CSV reporters can stream rows without holding a table. */
import { stringify } from 'csv-stringify/sync';

/**
 * The byte order mark both CSV files start with: Excel reads a BOM-less file as the ANSI code page and garbles
 * emoji and non-Latin text; csv-parse (`bom: true`), pandas and Python's `utf-8-sig` strip it.
 */
export const CSV_BOM = '\uFEFF';

/** One record ending in `\n`. Fields with a comma, quote or line break are quoted; a lone `\r` is quoted too. */
export function csvRecord(fields: readonly string[]): string {
  // csv-stringify only quotes the configured record delimiter (`\n`), but csv-parse and spreadsheets also break
  // records on a bare `\r`; quoted_match keeps such a field in one piece. Fields are never rewritten otherwise:
  // a leading `=` stays data, exactly as the model wrote it.
  return stringify([fields], { record_delimiter: 'unix', quoted_match: /\r/ });
}

/** Text of a nullable number for a CSV field: empty when null. */
export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text of a nullable boolean for a CSV field: `true`, `false` or empty. */
export function csvBoolean(value: boolean | null): string {
  return value === null ? '' : String(value);
}
