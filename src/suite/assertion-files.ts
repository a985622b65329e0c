/**
 * Assertions may point at a file (`{type: json-schema, file: schemas/contact.json}`); the file is read at load
 * time and inlined as `value`, so a missing or broken schema file fails validation, not a paid run.
 */
import { parse as parseYaml } from 'yaml';
import type { SourceIssue } from '../errors.js';
import type { PositionFinder } from './positions.js';
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
  try {
    record.value = read.file.toLowerCase().endsWith('.json') ? JSON.parse(read.text) : parseYaml(read.text);
    delete record.file;
  } catch (error) {
    fail(`cannot parse ${read.file}: ${(error as Error).message.split('\n')[0]!.toLowerCase()}`);
  }
}
