/**
 * One CSV record at a time, RFC 4180, so the CSV reporters can stream rows without holding a table. Written by
 * hand rather than with csv-stringify: calling its `stringify` per row normalised the options every time and
 * cost more than the rest of the report together; the output is byte for byte what it produced.
 */

/**
 * The byte order mark both CSV files start with: Excel reads a BOM-less file as the ANSI code page and garbles
 * emoji and non-Latin text; csv-parse (`bom: true`), pandas and Python's `utf-8-sig` strip it.
 */
export const CSV_BOM = '\uFEFF';

/** Characters that force a field into quotes. */
const NEEDS_QUOTES = /[",\n\r]/;

/** One field: quoted, with quotes doubled, when it holds a comma, quote or line break; else as is. */
export function csvField(field: string): string {
  // A bare `\r` is quoted too: csv-parse and spreadsheets break records on it. Fields are never rewritten
  // otherwise: a leading `=` stays data, exactly as the model wrote it.
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One record ending in `\n`. Fields with a comma, quote or line break are quoted; a lone `\r` is quoted too. */
export function csvRecord(fields: readonly string[]): string {
  let line = '';
  for (let index = 0; index < fields.length; index++) line += index === 0 ? csvField(fields[index]!) : `,${csvField(fields[index]!)}`;
  return `${line}\n`;
}

/** Text of a nullable number for a CSV field: empty when null. */
export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text of a nullable boolean for a CSV field: `true`, `false` or empty. */
export function csvBoolean(value: boolean | null): string {
  return value === null ? '' : String(value);
}
