/** Turns the case entries of a suite file into `CaseSpec`s, reading data files row by row. */
import { parseExpectedShorthand, validateAssertion } from '../assert/index.js';
import type { AssertionIssue, AssertionSpec } from '../assert/index.js';
import type { SourceIssue } from '../errors.js';
import { deriveCaseId } from './case-id.js';
import { parseDataFile, type DataRow } from './data-file.js';
import type { PositionFinder } from './positions.js';
import type { SuiteFile } from './schema.js';
import type { SourceFiles } from './source-files.js';
import type { CaseSpec } from './types.js';
import { formatPath } from './zod-issues.js';

/** Resolves cases; duplicate ids and bad rows become issues. */
export function resolveCases(file: SuiteFile, files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): CaseSpec[] {
  const cases: CaseSpec[] = [];
  const seen = new Map<string, string>();
  const add = (spec: CaseSpec, where: string, explicit: boolean) => {
    const previous = seen.get(spec.id);
    if (previous !== undefined) {
      const message = explicit
        ? `duplicate case id "${spec.id}" (also ${previous})`
        : `duplicate case: same variables as ${previous}; give one an id or remove it`;
      issues.push({ ...spec.position, path: where, message });
      return;
    }
    seen.set(spec.id, where);
    cases.push(spec);
  };
  file.cases.forEach((entry, index) => {
    const position = positions.at(['cases', index]);
    if ('file' in entry) {
      const filePosition = positions.at(['cases', index, 'file']);
      const read = files.read(entry.file, filePosition, `cases[${index}].file`, issues, 'data');
      if (!read) return;
      const parsed = parseDataFile(read.file, read.text);
      // A problem with the file as a whole (its type) has no line in it; it is shown where the suite names it.
      for (const issue of parsed.issues) issues.push(issue.line > 0 ? issue : { ...issue, ...filePosition, path: `cases[${index}].file` });
      const shared = (entry.assert ?? []) as AssertionSpec[];
      for (const row of parsed.rows) {
        const spec = caseFromRow(row, shared, issues);
        if (spec) add(spec, `${read.file} row ${row.row}`, typeof row.fields.__id === 'string' && row.fields.__id !== '');
      }
      return;
    }
    const vars = entry.vars ?? {};
    add(
      {
        id: entry.id ?? deriveCaseId(vars),
        description: entry.description ?? null,
        vars,
        assert: (entry.assert ?? []) as AssertionSpec[],
        threshold: entry.threshold ?? null,
        seed: entry.seed ?? null,
        toolResults: entry.tool_results ?? {},
        turns: (entry.turns ?? []).map((turn) =>
          typeof turn === 'string' ? { content: turn, assert: [] } : { content: turn.content, assert: (turn.assert ?? []) as AssertionSpec[] },
        ),
        position,
      },
      `cases[${index}]`,
      entry.id !== undefined,
    );
  });
  return cases;
}

/** Shared by every data-file row (rows have no canned results or turns; nothing mutates these). */
const NO_TOOL_RESULTS: CaseSpec['toolResults'] = Object.freeze({}) as CaseSpec['toolResults'];
const NO_TURNS: CaseSpec['turns'] = [];

/** True when a row has a `__` column. */
function hasReservedColumn(fields: Record<string, unknown>): boolean {
  for (const key in fields) if (key.startsWith('__')) return true;
  return false;
}

/** One data row as a case: reserved `__` columns interpreted, the rest are variables. */
function caseFromRow(row: DataRow, shared: AssertionSpec[], issues: SourceIssue[]): CaseSpec | null {
  // A row without reserved columns is all variables: its parsed object is kept as the case's vars and the shared
  // assertion list as its assert, instead of copies, which was most of what a 100,000-row suite held per row.
  // Neither is ever mutated after loading.
  if (!hasReservedColumn(row.fields)) {
    return { id: deriveCaseId(row.fields), description: null, vars: row.fields, assert: shared, threshold: null, seed: null, toolResults: NO_TOOL_RESULTS, turns: NO_TURNS, position: row.position };
  }
  const vars: Record<string, unknown> = {};
  const assert: AssertionSpec[] = [...shared];
  let id: string | null = null;
  let description: string | null = null;
  let threshold: number | null = null;
  let seed: number | null = null;
  const problem = (column: string, message: string) => {
    issues.push({ ...row.position, path: `row ${row.row}: ${column}`, message });
  };
  for (const [key, value] of Object.entries(row.fields)) {
    if (!key.startsWith('__')) {
      vars[key] = value;
      continue;
    }
    if (value === '' || value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    switch (key) {
      case '__id':
        if (/^[^\s/#%]+$/.test(text)) id = text;
        else problem(key, `expected an id without spaces, "/", "#" or "%", got "${text}"`);
        break;
      case '__description':
        description = text;
        break;
      case '__expected': {
        const { spec, issues: found } = expectedAssertion(text);
        for (const issue of found) problem(`${key}${issue.path.length ? `.${formatPath(issue.path)}` : ''}`, issue.message);
        assert.push(spec);
        break;
      }
      case '__assert':
        assert.push(...parseAssertColumn(value, (message) => problem(key, message)));
        break;
      case '__threshold': {
        const number = Number(value);
        if (Number.isFinite(number) && number >= 0 && number <= 1) threshold = number;
        else problem(key, `expected a number from 0 to 1, got "${text}"`);
        break;
      }
      case '__seed': {
        const number = Number(value);
        if (Number.isInteger(number) && number >= 0 && number < 2 ** 31) seed = number;
        else problem(key, `expected an integer from 0 to 2147483647, got "${text}"`);
        break;
      }
    }
  }
  return { id: id ?? deriveCaseId(vars), description, vars, assert, threshold, seed, toolResults: NO_TOOL_RESULTS, turns: NO_TURNS, position: row.position };
}

/** Distinct `__expected` texts remembered per process; the memo is cleared when full. @default 10000 */
const EXPECTED_MEMO_LIMIT = 10_000;
const expectedMemo = new Map<string, { spec: AssertionSpec; issues: AssertionIssue[] }>();

/**
 * The assertion of an `__expected` cell and its issues. Data files repeat the same expectation on many rows
 * (`icontains:yes`), and validating it with zod per row was a fifth of loading a 100,000-row file, so each
 * distinct text is parsed and checked once and its spec object shared by those rows (specs are never mutated).
 */
function expectedAssertion(text: string): { spec: AssertionSpec; issues: AssertionIssue[] } {
  let memo = expectedMemo.get(text);
  if (memo === undefined) {
    const spec = parseExpectedShorthand(text);
    const refused = codeInDataProblem(spec);
    memo = { spec, issues: refused ? [{ path: [], message: refused }] : validateAssertion(spec) };
    if (expectedMemo.size >= EXPECTED_MEMO_LIMIT) expectedMemo.clear();
    expectedMemo.set(text, memo);
  }
  return memo;
}

/** `__assert`: a JSON list of assertions (or one assertion object). */
function parseAssertColumn(value: unknown, problem: (message: string) => void): AssertionSpec[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      problem(`expected a JSON list of assertions: ${(error as Error).message.toLowerCase()}`);
      return [];
    }
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const specs: AssertionSpec[] = [];
  list.forEach((spec, index) => {
    const refused = codeInDataProblem(spec);
    const found = refused ? [{ path: [], message: refused }] : validateAssertion(spec);
    for (const issue of found) problem(`[${index}]${issue.path.length ? `.${formatPath(issue.path)}` : ''}: ${issue.message}`);
    if (found.length === 0) specs.push(spec as AssertionSpec);
  });
  return specs;
}

/**
 * Why an assertion from a data file is refused: data rows are never executed, so they may not carry a
 * `javascript` assertion or a JavaScript transform (a built-in transform is data, and allowed).
 */
function codeInDataProblem(spec: unknown): string | null {
  if (spec === null || typeof spec !== 'object') return null;
  const { type, transform } = spec as { type?: unknown; transform?: unknown };
  const refusal = 'data files may not run code (data is never executed): write the check in the suite, where it can read the row as context.vars';
  if (type === 'javascript' || type === 'not-javascript') return `javascript assertions are not allowed here: ${refusal}`;
  if (transform !== null && typeof transform === 'object' && 'file' in transform) return `JavaScript transforms are not allowed here: ${refusal}`;
  return null;
}
