/**
 * `tools: tools/calendar.yaml`: a tools list kept in its own file (relative to the suite) so several suites share
 * it. The file is read and checked when the suite loads, with its problems reported at their line and column in
 * that file, and the list is put in place of the path before the suite itself is validated.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { SourceIssue } from '../errors.js';
import { createPositionFinder, yamlSyntaxIssues, type PositionFinder } from './positions.js';
import { toolListSchema, type ToolSpec } from './schema.js';
import type { SourceFiles } from './source-files.js';
import { formatPath, toSourceIssues } from './zod-issues.js';

/** Replaces every `tools: <file>` of the raw suite (suite, models, prompts) with the file's list, in place. */
export function inlineToolFiles(raw: unknown, files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): void {
  if (raw === null || typeof raw !== 'object') return;
  const suite = raw as Record<string, unknown>;
  const owners: [PropertyKey[], Record<string, unknown>][] = [[[], suite]];
  for (const key of ['models', 'prompts'] as const) {
    const items = suite[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) owners.push([[key, index], item as Record<string, unknown>]);
    });
  }
  for (const [path, owner] of owners) {
    if (typeof owner.tools !== 'string' || owner.tools === '') continue;
    owner.tools = readToolFile(owner.tools, [...path, 'tools'], files, positions, issues);
  }
}

/** The tools of one file; an empty list after reporting its problems, so the suite schema does not echo them. */
function readToolFile(name: string, path: PropertyKey[], files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): unknown[] {
  const read = files.read(name, positions.at(path), formatPath(path), issues);
  if (!read) return [];
  const lineCounter = new LineCounter();
  const document = parseDocument(read.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    issues.push(...yamlSyntaxIssues(read.file, document.errors, lineCounter));
    return [];
  }
  const value = document.toJS() as unknown;
  // A file may hold the list itself or `{tools: [...]}`, the way a prompt file may hold `{messages: [...]}`.
  const isWrapped = value !== null && typeof value === 'object' && !Array.isArray(value) && 'tools' in value;
  const list = isWrapped ? (value as { tools: unknown }).tools : value;
  const parsed = toolListSchema.safeParse(list);
  if (parsed.success) return parsed.data;
  const filePositions = createPositionFinder(read.file, document, lineCounter);
  issues.push(...toSourceIssues(parsed.error.issues, list, filePositions, isWrapped ? ['tools'] : []));
  return [];
}

/** A `tools` value after `inlineToolFiles` replaced file paths with their lists. */
export function toolList(tools: string | ToolSpec[] | undefined): ToolSpec[] {
  return Array.isArray(tools) ? tools : [];
}
