/**
 * Reads a data file of cases (CSV with a header row, JSONL, or YAML) into rows with positions. Every bad row is
 * reported, with its line, so a 100,000-row file is fixed in one pass rather than one error at a time.
 *
 * Reserved columns (keys starting with `__`) carry what is not a template variable:
 * `__id`, `__description`, `__expected` (an assertion shorthand), `__assert` (a JSON list of assertions),
 * `__threshold`, `__seed`.
 */
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument } from 'yaml';
import type { SourceIssue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { createPositionFinder, yamlSyntaxIssues } from './positions.js';
import type { SourcePosition } from './types.js';
import { depthExceeds } from './value-depth.js';

/** Deepest nesting of one data row's value: deeper rows would overflow the stack of the plan's hashing. */
const MAX_ROW_DEPTH = 64;

/** One row of a data file, before its reserved columns are interpreted. */
export interface DataRow {
  fields: Record<string, unknown>;
  /** Row number for messages: the CSV record's 1-based number, the JSONL line, the YAML item index + 1. */
  row: number;
  position: SourcePosition;
}

/** The reserved column names. */
export const RESERVED_COLUMNS = ['__id', '__description', '__expected', '__assert', '__threshold', '__seed'];

/** Parses a data file's text; `file` is the name used in messages. */
export function parseDataFile(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return parseCsvRows(file, text);
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return parseJsonlRows(file, text);
  if (lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.json')) return parseYamlRows(file, text);
  return {
    rows: [],
    issues: [{ file, line: 0, column: 0, path: '', message: `unsupported data file type: expected .csv, .jsonl, .ndjson, .yaml, .yml or .json, got "${extname(file) || 'no extension'}"` }],
  };
}

/**
 * Issues for unknown `__` columns, each at the first place it appears: the header of a CSV file, the first row
 * (line) that uses the key in a JSONL or YAML file.
 */
export function checkReservedColumns(file: string, columns: Iterable<[string, SourcePosition]>): SourceIssue[] {
  const issues: SourceIssue[] = [];
  for (const [column, position] of columns) {
    if (column.startsWith('__') && !RESERVED_COLUMNS.includes(column)) {
      issues.push({ ...position, file, path: column, message: `unknown reserved column "${column}"${didYouMean(column, RESERVED_COLUMNS)}` });
    }
  }
  return issues;
}

/**
 * Line numbers of the data records of a CSV text with no quotes and no carriage returns, where a record is one
 * physical line: every non-empty line after the header, except those csv-parse skipped as malformed.
 */
function plainCsvRecordLines(text: string, skippedLines: ReadonlySet<number>): number[] {
  const lines: number[] = [];
  let isHeaderSeen = false;
  let line = 0;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    if (end > start) {
      if (!isHeaderSeen) isHeaderSeen = true;
      else if (!skippedLines.has(line)) lines.push(line);
    }
    start = end + 1;
  }
  return lines;
}

function parseCsvRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  // csv-parse's `info` (the line of each record) made parsing three times slower and kept an object per row; a
  // file without quotes or carriage returns has one record per line, so the lines are counted here instead.
  // Any other file, or a count that disagrees, takes csv-parse's own numbers.
  const isPlain = !text.includes('"') && !text.includes('\r');
  const fast = isPlain ? parseCsvRecords(file, text, false) : null;
  if (fast) {
    const lines = plainCsvRecordLines(text, fast.skippedLines);
    if (lines.length === fast.records.length) {
      const rows = fast.records.map((record, index) => ({ fields: record as Record<string, string>, row: index + 1, position: { file, line: lines[index]!, column: 1 } }));
      return finishCsvRows(file, rows, fast.issues);
    }
  }
  const parsed = parseCsvRecords(file, text, true);
  const rows = (parsed.records as { record: Record<string, string>; info: { lines: number; records: number } }[]).map(({ record, info }) => ({
    fields: record,
    row: info.records,
    position: { file, line: info.lines, column: 1 },
  }));
  return finishCsvRows(file, rows, parsed.issues);
}

/** The "no rows" issue when a file has neither rows nor other issues. */
function finishCsvRows(file: string, rows: DataRow[], issues: SourceIssue[]): { rows: DataRow[]; issues: SourceIssue[] } {
  if (rows.length === 0 && issues.length === 0) issues.push({ file, line: 1, column: 1, path: '', message: 'no rows: expected a header row and at least one data row' });
  return { rows, issues };
}

/** csv-parse over the whole text: records (with `info` when asked), issues, and the lines of skipped records. */
function parseCsvRecords(file: string, text: string, withInfo: boolean): { records: unknown[]; issues: SourceIssue[]; skippedLines: Set<number> } {
  const issues: SourceIssue[] = [];
  const skippedLines = new Set<number>();
  let header: string[] = [];
  const records = parseCsv(text, {
    bom: true,
    columns: (names: string[]) => {
      header = names.map((name) => name.trim());
      const seen = new Set<string>();
      header.forEach((name, index) => {
        if (!name) issues.push({ file, line: 1, column: 1, path: `column ${index + 1}`, message: 'empty column name in the header row' });
        else if (seen.has(name)) issues.push({ file, line: 1, column: 1, path: name, message: `duplicate column "${name}" in the header row` });
        seen.add(name);
      });
      return header;
    },
    skip_empty_lines: true,
    info: withInfo,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (!error) return;
      const line = Number((error as { lines?: number }).lines ?? 0);
      // csv-parse reports a stray quote once per character it then misreads: one line per row is enough.
      if (skippedLines.has(line)) return undefined;
      skippedLines.add(line);
      issues.push({ file, line, column: 1, path: `row ${Math.max(1, line - 1)}`, message: `malformed row: ${describeCsvError(error, header)}` });
      return undefined;
    },
  }) as unknown[];
  issues.push(...checkReservedColumns(file, header.map((name) => [name, { file, line: 1, column: 1 }])));
  return { records, issues, skippedLines };
}

/** csv-parse's error in our words, with the fix when we know it. */
function describeCsvError(error: Error & { code?: string; column?: unknown; record?: unknown[] }, header: string[]): string {
  const code = String(error.code);
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH' || code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    return `expected ${header.length} fields as in the header, got ${error.record?.length ?? 'a different number'}`;
  }
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'quote not closed: a quoted field opened on this row never ends; add the closing "';
  // INVALID_OPENING_QUOTE, CSV_INVALID_CLOSING_QUOTE: a quote inside a value that is not quoted itself.
  if (code.includes('QUOTE')) {
    const column = typeof error.column === 'string' ? ` in column "${error.column}"` : '';
    return (
      `a field${column} holds a double quote but is not quoted itself; a value with quotes or commas, such as the JSON ` +
      'list of an __assert column, must be quoted as a whole with its inner quotes doubled (RFC 4180): ' +
      '"[{""type"":""contains"",""value"":""Paris""}]"'
    );
  }
  return error.message.replace(/^Invalid \w+:\s*/, '').replace(/\.$/, '').toLowerCase();
}

function parseJsonlRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const issues: SourceIssue[] = [];
  const rows: DataRow[] = [];
  const columns = new Map<string, SourcePosition>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      issues.push({ file, line, column: 1, path: `line ${line}`, message: `malformed JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').toLowerCase()}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ file, line, column: 1, path: `line ${line}`, message: 'expected a JSON object of variables' });
      return;
    }
    if (depthExceeds(value, MAX_ROW_DEPTH)) {
      issues.push({ file, line, column: 1, path: `line ${line}`, message: `nested deeper than ${MAX_ROW_DEPTH} levels` });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!columns.has(key)) columns.set(key, { file, line, column: keyColumn(raw, key) });
    }
    rows.push({ fields: value as Record<string, unknown>, row: line, position: { file, line, column: 1 } });
  });
  issues.push(...checkReservedColumns(file, columns));
  if (rows.length === 0 && issues.length === 0) issues.push({ file, line: 1, column: 1, path: '', message: 'no rows: expected one JSON object per line' });
  return { rows, issues };
}

/** 1-based column of `"key"` in a JSONL line, or 1 when it is written some other way (escapes). */
function keyColumn(raw: string, key: string): number {
  const at = raw.indexOf(JSON.stringify(key));
  return at === -1 ? 1 : at + 1;
}

function parseYamlRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return { rows: [], issues: yamlSyntaxIssues(file, document.errors, lineCounter) };
  }
  const positions = createPositionFinder(file, document, lineCounter);
  const value = document.toJS() as unknown;
  if (!Array.isArray(value)) return { rows: [], issues: [{ ...positions.at([]), path: '', message: 'expected a list of rows (mappings of variables)' }] };
  const issues: SourceIssue[] = [];
  const rows: DataRow[] = [];
  const columns = new Map<string, SourcePosition>();
  value.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ ...positions.at([index]), path: `[${index}]`, message: 'expected a mapping of variables' });
      return;
    }
    for (const key of Object.keys(item)) {
      if (!columns.has(key)) columns.set(key, positions.keyAt([index, key]));
    }
    rows.push({ fields: item as Record<string, unknown>, row: index + 1, position: positions.at([index]) });
  });
  issues.push(...checkReservedColumns(file, columns));
  return { rows, issues };
}
