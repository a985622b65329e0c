import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../../src/report/text/csv.js';

describe('csvRecord', () => {
  const tricky = ['', 'plain', 'a,b', 'say "hi"', '"', 'two\nlines', 'bare\rreturn', 'crlf\r\n', ' spaced ', '=1+1', '😀 emoji, ok', '\uFEFFbom', ',', '""'];

  it('writes exactly what csv-stringify wrote for every tricky field, alone and in records', () => {
    const reference = (fields: string[]) => stringify([fields], { record_delimiter: 'unix', quoted_match: /\r/ });
    for (const field of tricky) expect(csvRecord([field]), JSON.stringify(field)).toBe(reference([field]));
    for (let start = 0; start < tricky.length; start++) {
      const fields = [...tricky.slice(start), ...tricky.slice(0, start)];
      expect(csvRecord(fields)).toBe(reference(fields));
    }
  });

  it('quotes a field only when it holds a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('Paris')).toBe('Paris');
    expect(csvField('Paris, France')).toBe('"Paris, France"');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvRecord(['a', '', 'c'])).toBe('a,,c\n');
  });
});
