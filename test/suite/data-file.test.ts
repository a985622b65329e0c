import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { checkReservedColumns, parseDataFile, RESERVED_COLUMNS } from '../../src/suite/data-file.js';

describe('parseDataFile', () => {
  it.each([
    { file: 'rows.csv', text: 'country,region\nFrance,Europe\n\nJapan,Asia\n', lines: [2, 4], rows: [1, 2] },
    { file: 'rows.csv', text: '\uFEFFcountry,region\r\nFrance,Europe\r\nJapan,Asia\r\n', lines: [2, 3], rows: [1, 2] },
    { file: 'rows.jsonl', text: '{"country":"France","region":"Europe"}\n\n{"country":"Japan","region":"Asia"}\n', lines: [1, 3], rows: [1, 3] },
    { file: 'rows.ndjson', text: '\uFEFF{"country":"France","region":"Europe"}\r\n{"country":"Japan","region":"Asia"}\r\n', lines: [1, 2], rows: [1, 2] },
    { file: 'rows.yaml', text: '- country: France\n  region: Europe\n- country: Japan\n  region: Asia\n', lines: [1, 3], rows: [1, 2] },
    { file: 'rows.json', text: '[{"country": "France", "region": "Europe"},\n {"country": "Japan", "region": "Asia"}]', lines: [1, 2], rows: [1, 2] },
  ])('reads $file with row numbers and lines', ({ file, text, lines, rows }) => {
    const parsed = parseDataFile(file, text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((row) => row.fields)).toEqual([{ country: 'France', region: 'Europe' }, { country: 'Japan', region: 'Asia' }]);
    expect(parsed.rows.map((row) => row.position.line)).toEqual(lines);
    expect(parsed.rows.map((row) => row.row)).toEqual(rows);
  });

  it('keeps quoted commas and newlines inside one CSV field', () => {
    const parsed = parseDataFile('rows.csv', 'question,answer\n"Paris, France?","line one\nline two"\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((row) => row.fields)).toEqual([{ question: 'Paris, France?', answer: 'line one\nline two' }]);
  });

  it('trims header names and keeps JSONL values typed', () => {
    expect(parseDataFile('rows.csv', ' country , year\nFrance,1900\n').rows[0]!.fields).toEqual({ country: 'France', year: '1900' });
    expect(parseDataFile('rows.jsonl', '{"year": 1900, "tags": ["a"]}\n').rows[0]!.fields).toEqual({ year: 1900, tags: ['a'] });
  });

  it.each([
    { name: 'a CSV row with too many fields', file: 'bad.csv', text: 'a,b\n1,2\n1,2,3\n4,5\n', issues: [{ line: 3, path: 'row 2', words: /expected 2 fields as in the header, got 3/ }], rows: 2 },
    { name: 'a CSV row with too few fields', file: 'bad.csv', text: 'a,b\n1\n4,5\n', issues: [{ line: 2, path: 'row 1', words: /expected 2 fields as in the header, got 1/ }], rows: 1 },
    { name: 'a CSV quote that never closes', file: 'bad.csv', text: 'a,b\n1,"open\n', issues: [{ line: 2, path: 'row 1', words: /^malformed row: quote not closed/ }], rows: 0 },
    { name: 'an empty CSV header name', file: 'bad.csv', text: 'a,\n1,2\n', issues: [{ line: 1, path: 'column 2', words: /empty column name/ }], rows: 1 },
    { name: 'a duplicated CSV header name', file: 'bad.csv', text: 'a,a\n1,2\n', issues: [{ line: 1, path: 'a', words: /duplicate column "a"/ }], rows: 1 },
    { name: 'a CSV without data rows', file: 'bad.csv', text: 'a,b\n', issues: [{ line: 1, path: '', words: /no rows/ }], rows: 0 },
    { name: 'a JSONL line that is not JSON', file: 'bad.jsonl', text: '{"a": 1}\n{"a": \n', issues: [{ line: 2, path: 'line 2', words: /^malformed JSON: / }], rows: 1 },
    { name: 'a JSONL line that is not an object', file: 'bad.jsonl', text: '[1]\n"x"\n{"a": 1}\n', issues: [{ line: 1, path: 'line 1', words: /expected a JSON object/ }, { line: 2, path: 'line 2', words: /expected a JSON object/ }], rows: 1 },
    { name: 'an empty JSONL file', file: 'bad.jsonl', text: '\n\n', issues: [{ line: 1, path: '', words: /no rows/ }], rows: 0 },
    { name: 'a YAML data file that is not a list', file: 'bad.yaml', text: 'country: France\n', issues: [{ line: 1, path: '', words: /expected a list of rows/ }], rows: 0 },
    { name: 'a YAML row that is not a mapping', file: 'bad.yaml', text: '- country: France\n- Japan\n', issues: [{ line: 2, path: '[1]', words: /expected a mapping of variables/ }], rows: 1 },
    { name: 'a YAML syntax error', file: 'bad.yaml', text: '- country: "France\n', issues: [{ line: 2, path: '', words: /^yaml syntax: / }], rows: 0 },
    { name: 'an unknown reserved column', file: 'bad.csv', text: 'a,__ID\n1,x\n', issues: [{ line: 1, path: '__ID', words: /unknown reserved column "__ID" \(did you mean "__id"\?\)/ }], rows: 1 },
    { name: 'an unsupported extension', file: 'bad.xlsx', text: 'a', issues: [{ line: 0, path: '', words: /unsupported data file type.*got "\.xlsx"/ }], rows: 0 },
  ])('reports $name with its line', ({ file, text, issues, rows }) => {
    const parsed = parseDataFile(file, text);
    expect(parsed.rows).toHaveLength(rows);
    expect(parsed.issues).toHaveLength(issues.length);
    issues.forEach((expected, index) => {
      const issue = parsed.issues[index]!;
      expect(issue.file).toBe(file);
      if (expected.line > 0) expect(issue.line).toBe(expected.line);
      if (expected.path) expect(issue.path).toBe(expected.path);
      expect(issue.message).toMatch(expected.words);
      expect(issue.message).toMatch(/^[^A-Z]/);
    });
  });

  it('reports every malformed row of a large file, not only the first', () => {
    const lines = ['a,b'];
    for (let row = 1; row <= 1000; row++) lines.push(row % 100 === 0 ? `${row}` : `${row},x`);
    const parsed = parseDataFile('big.csv', `${lines.join('\n')}\n`);
    expect(parsed.rows).toHaveLength(990);
    expect(parsed.issues.map((issue) => issue.line)).toEqual(Array.from({ length: 10 }, (_, index) => (index + 1) * 100 + 1));
  });
});

describe('checkReservedColumns', () => {
  it('accepts every reserved column and ordinary variables', () => {
    const header = { file: 'rows.csv', line: 1, column: 1 };
    expect(checkReservedColumns('rows.csv', [...RESERVED_COLUMNS, 'country', '_private'].map((name): [string, typeof header] => [name, header]))).toEqual([]);
  });

  it('reports an unknown one without a suggestion when nothing is close', () => {
    expect(checkReservedColumns('rows.csv', [['__zzzzzzzz', { file: 'rows.csv', line: 1, column: 1 }]])).toEqual([
      { file: 'rows.csv', line: 1, column: 1, path: '__zzzzzzzz', message: 'unknown reserved column "__zzzzzzzz"' },
    ]);
  });
});

describe('unknown reserved keys of JSONL and YAML rows', () => {
  it('reports a JSONL key at the line and column of the first row that uses it', () => {
    const text = '{"country": "France"}\n{"country": "Japan"}\n{"country": "Peru", "__expectd": "Lima"}\n{"__expectd": "x", "country": "Chile"}\n';
    expect(parseDataFile('bad.jsonl', text).issues).toEqual([
      { file: 'bad.jsonl', line: 3, column: 21, path: '__expectd', message: 'unknown reserved column "__expectd" (did you mean "__expected"?)' },
    ]);
  });

  it('reports a YAML key at its own line', () => {
    const text = '- country: France\n- country: Peru\n  __expectd: Lima\n';
    expect(parseDataFile('bad.yaml', text).issues).toMatchObject([{ file: 'bad.yaml', line: 3, column: 3, path: '__expectd' }]);
  });
});

describe('parseDataFile line numbers of plain CSV files', () => {
  /** What csv-parse itself reports with `info: true`: the reference the fast path must match. */
  function referenceRows(text: string): { line: number; row: number; fields: Record<string, string> }[] {
    const records = parseCsv(text, { bom: true, columns: (names: string[]) => names.map((name) => name.trim()), skip_empty_lines: true, info: true, skip_records_with_error: true }) as {
      record: Record<string, string>;
      info: { lines: number; records: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, row: info.records, fields: record }));
  }

  it('matches csv-parse on files with empty lines, malformed rows, a BOM and no final newline', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let file = 0; file < 200; file++) {
      const lines = [random() < 0.2 ? '' : null, 'a,b'].filter((line) => line !== null) as string[];
      for (let row = 0; row < 30; row++) {
        const roll = random();
        lines.push(roll < 0.15 ? '' : roll < 0.25 ? `x${row}` : roll < 0.3 ? `${row},${row},${row}` : roll < 0.35 ? '  ' : `v${row},w${row}`);
      }
      const text = `${random() < 0.3 ? '\uFEFF' : ''}${lines.join('\n')}${random() < 0.5 ? '\n' : ''}`;
      const parsed = parseDataFile('rows.csv', text);
      expect(parsed.rows.map((row) => ({ line: row.position.line, row: row.row, fields: row.fields })), text).toEqual(referenceRows(text));
    }
  });

  it('takes the line of a multi-line quoted record from csv-parse', () => {
    const parsed = parseDataFile('rows.csv', 'country,note\nFrance,"two\nlines"\nJapan,one\n');
    expect(parsed.rows.map((row) => [row.row, row.position.line])).toEqual([[1, 3], [2, 4]]);
  });
});
