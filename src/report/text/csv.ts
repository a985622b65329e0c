/**
 * CSV text for the two CSV reports, RFC 4180, through csv-stringify: one long-lived stringifier per file, fed a
 * record at a time, so the reporters stream rows without holding a table and csv-stringify normalises its
 * options once per file instead of once per row. Text is taken out of it in batches (its transform is
 * synchronous, so a row written is a row readable), which keeps the stream machinery off the per-row path.
 */
import { stringify, type Stringifier } from 'csv-stringify';

/**
 * The byte order mark both CSV files start with: Excel reads a BOM-less file as the ANSI code page and garbles
 * emoji and non-Latin text; csv-parse (`bom: true`), pandas and Python's `utf-8-sig` strip it.
 */
export const CSV_BOM = '\uFEFF';

/** Text gathered in the stringifier before it is handed to the report file, in UTF-16 code units. */
const BATCH_CHARS = 1 << 16;

/** One CSV file's rows: `row` buffers, `take` returns what is ready, `flush` everything left. */
export class CsvRows {
  private readonly stringifier: Stringifier;

  constructor() {
    // `\n` records; a bare `\r` is quoted too, since csv-parse and spreadsheets break records on it. Fields are
    // never rewritten otherwise: a leading `=` stays data, exactly as the model wrote it. The readable side is
    // drained by hand, so its high-water mark is set out of reach: backpressure would defer rows to a later tick.
    this.stringifier = stringify({ record_delimiter: 'unix', quoted_match: /\r/, readableHighWaterMark: 2 ** 30 });
    this.stringifier.setEncoding('utf8');
  }

  /** Adds one record; returns the text ready so far once a batch has gathered, else ''. */
  row(fields: readonly string[]): string {
    this.stringifier.write(fields);
    return this.stringifier.readableLength >= BATCH_CHARS ? this.flush() : '';
  }

  /** Every record's text not yet returned. */
  flush(): string {
    return (this.stringifier.read() as string | null) ?? '';
  }
}

/** Text of a nullable number for a CSV field: empty when null. */
export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text of a nullable boolean for a CSV field: `true`, `false` or empty. */
export function csvBoolean(value: boolean | null): string {
  return value === null ? '' : String(value);
}
