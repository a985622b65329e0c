import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvRows } from '../../../src/report/text/csv.js';

/** All the text of `records` written through one long-lived `CsvRows`. */
function written(records: string[][]): string {
  const rows = new CsvRows();
  let text = '';
  for (const fields of records) text += rows.row(fields);
  return text + rows.flush();
}

describe('CsvRows', () => {
  const tricky = ['', 'plain', 'a,b', 'say "hi"', '"', 'two\nlines', 'bare\rreturn', 'crlf\r\n', ' spaced ', '=1+1', '😀 emoji, ok', '\uFEFFbom', ',', '""'];

  it('writes exactly what one-shot csv-stringify writes for every tricky field, alone and in records', () => {
    const reference = (records: string[][]) => stringify(records, { record_delimiter: 'unix', quoted_match: /\r/ });
    for (const field of tricky) expect(written([[field]]), JSON.stringify(field)).toBe(reference([[field]]));
    const records = tricky.map((_, start) => [...tricky.slice(start), ...tricky.slice(0, start)]);
    expect(written(records)).toBe(reference(records));
  });

  it('quotes a field only when it holds a comma, a quote or a line break, doubling its quotes', () => {
    expect(written([['Paris', 'Paris, France', 'a "b"', 'a\rb', '']])).toBe('Paris,"Paris, France","a ""b""","a\rb",\n');
  });

  it('hands text over in batches and loses nothing across many and very long rows', () => {
    const long = 'x'.repeat(200_000);
    const records = Array.from({ length: 5000 }, (_, i) => [String(i), i % 1000 === 0 ? long : `row ${i}, quoted`]);
    const rows = new CsvRows();
    let text = '';
    let batches = 0;
    for (const fields of records) {
      const chunk = rows.row(fields);
      if (chunk) batches++;
      text += chunk;
    }
    text += rows.flush();
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeLessThan(records.length);
    expect(text).toBe(stringify(records, { record_delimiter: 'unix', quoted_match: /\r/ }));
  });
});
