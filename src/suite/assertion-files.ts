/**
 * Assertions may point at a file (`{type: json-schema, file: schemas/contact.json}`); the file is read at load
 * time and inlined as `value`, so a missing or broken schema file fails validation, not a paid run.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { SourceIssue } from '../errors.js';
import { yamlSyntaxIssues, type PositionFinder } from './positions.js';
import type { SourceFiles } from './source-files.js';
import { describeType, formatPath } from './zod-issues.js';

/** Kinds whose `file` option names a file holding their `value`. */
const FILE_VALUE_KINDS = new Set(['json-schema', 'not-json-schema']);

/** Every assertion list of the raw suite (suite, prompts, cases, conversation turns, data-file entries) with its path. */
export function assertionLists(raw: unknown): [PropertyKey[], unknown][] {
  if (raw === null || typeof raw !== 'object') return [];
  const suite = raw as Record<string, unknown>;
  const lists: [PropertyKey[], unknown][] = [[['assert'], suite.assert]];
  for (const key of ['prompts', 'cases'] as const) {
    const items = suite[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!item || typeof item !== 'object') return;
      lists.push([[key, index, 'assert'], (item as Record<string, unknown>).assert]);
      const turns = (item as Record<string, unknown>).turns;
      if (key === 'cases' && Array.isArray(turns)) {
        turns.forEach((turn, t) => {
          if (turn && typeof turn === 'object') lists.push([[key, index, 'turns', t, 'assert'], (turn as Record<string, unknown>).assert]);
        });
      }
    });
  }
  return lists;
}

/** Replaces `file` with the parsed file as `value` in every assertion list of the raw suite, in place. */
export function inlineAssertionFiles(raw: unknown, files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): void {
  for (const [path, list] of assertionLists(raw)) {
    if (!Array.isArray(list)) continue;
    list.forEach((spec, index) => inlineOne(spec, [...path, index], files, positions, issues));
  }
}

function inlineOne(spec: unknown, path: PropertyKey[], files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): void {
  if (spec === null || typeof spec !== 'object') return;
  const record = spec as Record<string, unknown>;
  if (!FILE_VALUE_KINDS.has(String(record.type)) || record.file === undefined) return;
  const filePath = [...path, 'file'];
  // Once a problem is reported, `file` goes and a stand-in `value` comes, so the schema does not echo it.
  const drop = () => {
    delete record.file;
    record.value ??= {};
  };
  const fail = (message: string) => {
    issues.push({ ...positions.at(filePath), path: formatPath(filePath), message });
    drop();
  };
  if (typeof record.file !== 'string') return fail(`expected a file path string, got ${describeType(record.file)}`);
  if (record.value !== undefined) return fail('give either "file" or "value", not both');
  const read = files.read(record.file, positions.at(filePath), formatPath(filePath), issues);
  if (!read) return drop();
  const parsed = parseValueFile(read.file, read.text);
  if ('issues' in parsed) {
    // The problem is inside the schema file: point there, not at the suite line that names it.
    issues.push(...parsed.issues);
    return drop();
  }
  record.value = parsed.value;
  delete record.file;
}

/** A JSON or YAML file's value, or its syntax problems at their line and column in that file. */
function parseValueFile(file: string, text: string): { value: unknown } | { issues: SourceIssue[] } {
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      const message = (error as Error).message;
      const where = syntaxPosition(text);
      const reason = message.split('\n')[0]!.replace(/,\s*(\.\.\.)?"[\s\S]*$/, '').replace(/ in JSON at position \d+.*$/, '');
      return { issues: [{ file, ...where, path: '', message: `invalid JSON: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}` }] };
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) return { issues: yamlSyntaxIssues(file, document.errors, lineCounter) };
  return { value: document.toJS() as unknown };
}

/**
 * Line and column of the first JSON syntax error. V8's messages carry no usable position on every Node version,
 * so the error is found by bisection: a prefix that fails before its own end stays broken when it grows, and the
 * shortest such prefix ends at the offending character.
 */
function syntaxPosition(text: string): { line: number; column: number } {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      return !message.includes('end of JSON input') && !(at && Number(at[1]) >= length);
    }
  };
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  const before = text.slice(0, low - 1);
  return { line: before.split('\n').length, column: low - 1 - before.lastIndexOf('\n') };
}
