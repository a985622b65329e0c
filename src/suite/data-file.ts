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
import { suggest } from '../assert/index.js';
import { createPositionFinder } from './positions.js';
import type { SourcePosition } from './types.js';

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

/** Issues for unknown `__` columns. */
export function checkReservedColumns(file: string, columns: Iterable<string>, position: SourcePosition): SourceIssue[] {
  const issues: SourceIssue[] = [];
  for (const column of columns) {
    if (column.startsWith('__') && !RESERVED_COLUMNS.includes(column)) {
      const hint = suggest(column, RESERVED_COLUMNS);
      issues.push({ ...position, file, path: column, message: `unknown reserved column "${column}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
    }
  }
  return issues;
}

function parseCsvRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const issues: SourceIssue[] = [];
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
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (!error) return;
      const line = Number((error as { lines?: number }).lines ?? 0);
      const code = String(error.code);
      const detail = code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH' || code === 'CSV_RECORD_INCONSISTENT_COLUMNS'
        ? `expected ${header.length} fields as in the header, got ${(error as { record?: unknown[] }).record?.length ?? 'a different number'}`
        : error.message.replace(/^Invalid \w+:\s*/, '').replace(/\.$/, '').toLowerCase();
      issues.push({ file, line, column: 1, path: `row ${Math.max(1, line - 1)}`, message: `malformed row: ${detail}` });
      return undefined;
    },
  }) as { record: Record<string, string>; info: { lines: number; records: number } }[];
  issues.push(...checkReservedColumns(file, header, { file, line: 1, column: 1 }));
  const rows = records.map(({ record, info }) => ({
    fields: record,
    row: info.records,
    position: { file, line: info.lines, column: 1 },
  }));
  if (rows.length === 0 && issues.length === 0) issues.push({ file, line: 1, column: 1, path: '', message: 'no rows: expected a header row and at least one data row' });
  return { rows, issues };
}

function parseJsonlRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const issues: SourceIssue[] = [];
  const rows: DataRow[] = [];
  const columns = new Set<string>();
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
    for (const key of Object.keys(value)) columns.add(key);
    rows.push({ fields: value as Record<string, unknown>, row: line, position: { file, line, column: 1 } });
  });
  issues.push(...checkReservedColumns(file, columns, { file, line: 1, column: 1 }));
  if (rows.length === 0 && issues.length === 0) issues.push({ file, line: 1, column: 1, path: '', message: 'no rows: expected one JSON object per line' });
  return { rows, issues };
}

function parseYamlRows(file: string, text: string): { rows: DataRow[]; issues: SourceIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      rows: [],
      issues: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file, line, column: col, path: '', message: `yaml syntax: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
      }),
    };
  }
  const positions = createPositionFinder(file, document, lineCounter);
  const value = document.toJS() as unknown;
  if (!Array.isArray(value)) return { rows: [], issues: [{ ...positions.at([]), path: '', message: 'expected a list of rows (mappings of variables)' }] };
  const issues: SourceIssue[] = [];
  const rows: DataRow[] = [];
  const columns = new Set<string>();
  value.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ ...positions.at([index]), path: `[${index}]`, message: 'expected a mapping of variables' });
      return;
    }
    for (const key of Object.keys(item)) columns.add(key);
    rows.push({ fields: item as Record<string, unknown>, row: index + 1, position: positions.at([index]) });
  });
  issues.push(...checkReservedColumns(file, columns, positions.at([])));
  return { rows, issues };
}
