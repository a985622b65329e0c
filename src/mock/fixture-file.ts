/**
 * `loadMockFixtures`: reads fixtures from a YAML or JSON file (JSON is YAML 1.2, so one parser reads both).
 * Every problem of the file is reported at once, as `file:line:col: fixtures[2].match: message`.
 */

import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { SuiteError } from '../errors.js';
import type { SourceIssue } from '../errors.js';
import { compileFixturePattern } from './fixtures.js';
import type { MockFixture } from './types.js';

type Path = (string | number)[];

const KNOWN_KEYS = new Set(['match', 'flags', 'model', 'answer', 'toolCalls', 'citations', 'finishReason']);

/** `fixtures[2].citations[0].url` from a node path. */
function dotted(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Checks one fixture; pushes `[path, message]` problems. */
function checkFixture(value: unknown, at: Path, problems: [Path, string][]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push([at, `expected a mapping with match and answer, got ${describe(value)}`]);
    return;
  }
  const fixture = value as Record<string, unknown>;
  for (const key of Object.keys(fixture)) {
    if (!KNOWN_KEYS.has(key)) problems.push([[...at, key], `unknown key "${key}" (expected one of ${[...KNOWN_KEYS].join(', ')})`]);
  }
  const keys = fixture.toolCalls === undefined || fixture.answer !== undefined ? (['match', 'answer'] as const) : (['match'] as const);
  for (const key of keys) {
    if (typeof fixture[key] !== 'string') problems.push([[...at, key], `expected a string, got ${describe(fixture[key])}`]);
  }
  if (fixture.toolCalls !== undefined) checkToolCalls(fixture.toolCalls, [...at, 'toolCalls'], problems);
  for (const key of ['flags', 'model', 'finishReason'] as const) {
    if (fixture[key] !== undefined && typeof fixture[key] !== 'string') {
      problems.push([[...at, key], `expected a string, got ${describe(fixture[key])}`]);
    }
  }
  if (typeof fixture.match === 'string' && (fixture.flags === undefined || typeof fixture.flags === 'string')) {
    try {
      compileFixturePattern(fixture.match, fixture.flags);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Only the first letter is lowered: the message quotes the pattern, whose case is part of its meaning.
      problems.push([[...at, 'match'], `expected a valid regular expression, got ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`]);
    }
  }
  if (fixture.citations === undefined) return;
  if (!Array.isArray(fixture.citations)) {
    problems.push([[...at, 'citations'], `expected a list of {url, title}, got ${describe(fixture.citations)}`]);
    return;
  }
  fixture.citations.forEach((citation: unknown, index) => {
    const item = (typeof citation === 'object' && citation !== null ? citation : {}) as Record<string, unknown>;
    for (const key of ['url', 'title']) {
      if (typeof item[key] !== 'string') {
        problems.push([[...at, 'citations', index, key], `expected a string, got ${describe(item[key])}`]);
      }
    }
  });
}

/** Checks `toolCalls`: a list of `{name, arguments}` with a string name and a mapping of arguments. */
function checkToolCalls(value: unknown, at: Path, problems: [Path, string][]): void {
  if (!Array.isArray(value)) {
    problems.push([at, `expected a list of {name, arguments}, got ${describe(value)}`]);
    return;
  }
  value.forEach((call: unknown, index) => {
    const item = (isRecord(call) ? call : {}) as Record<string, unknown>;
    if (typeof item.name !== 'string') problems.push([[...at, index, 'name'], `expected a string, got ${describe(item.name)}`]);
    if (item.arguments !== undefined && !isRecord(item.arguments)) problems.push([[...at, index, 'arguments'], `expected a mapping, got ${describe(item.arguments)}`]);
  });
}

/** Turns a problem into an issue positioned at its YAML node (or the nearest ancestor that exists). */
function toIssue(file: string, doc: Document, lines: LineCounter, [path, message]: [Path, string]): SourceIssue {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range !== undefined) {
      const { line, col } = lines.linePos(node.range[0]);
      return { file, line, column: col, path: dotted(path), message };
    }
  }
  return { file, line: 0, column: 0, path: dotted(path), message };
}

/**
 * Reads fixtures from a YAML or JSON file holding a list of fixtures or `{ fixtures: [...] }`.
 * Throws a `SuiteError` (code `OTE_DATA_INVALID`) naming the file, position and reason of every problem.
 */
export async function loadMockFixtures(path: string): Promise<MockFixture[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    const message = `cannot read fixture file (${reason})`;
    throw new SuiteError([{ file: path, line: 0, column: 0, path: '', message }], 'OTE_DATA_INVALID');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const { line, col } = lines.linePos(error.pos[0]);
      const message = `invalid YAML: ${error.message.split('\n')[0].toLowerCase()}`;
      return { file: path, line, column: col, path: '', message };
    });
    throw new SuiteError(issues, 'OTE_DATA_INVALID');
  }
  const value: unknown = doc.toJS();
  const root: Path = Array.isArray(value) ? [] : ['fixtures'];
  const fixtures: unknown = Array.isArray(value) ? value : isRecord(value) ? value.fixtures : undefined;
  if (!Array.isArray(fixtures)) {
    const message = `expected a list of fixtures or a mapping with a "fixtures" list, got ${describe(value)}`;
    throw new SuiteError([{ file: path, line: 1, column: 1, path: '', message }], 'OTE_DATA_INVALID');
  }
  const problems: [Path, string][] = [];
  fixtures.forEach((fixture, index) => checkFixture(fixture, [...root, index], problems));
  if (problems.length > 0) {
    throw new SuiteError(problems.map((problem) => toIssue(path, doc, lines, problem)), 'OTE_DATA_INVALID');
  }
  return fixtures as MockFixture[];
}
