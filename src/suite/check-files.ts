/**
 * The JavaScript files a suite runs: `javascript` assertions and transforms with `file`. Each path is resolved
 * against the suite and rewritten as `resolve` shows it (so the check runner finds it from the working
 * directory); the file and the local modules it imports are read into the suite hash, so resume and rescore
 * notice an edited check; and every module is loaded once, so one that does not load is a validation error.
 */
import { dirname, join } from 'node:path';
import type { SourceIssue } from '../errors.js';
import { assertionLists } from './assertion-files.js';
import { loadCheckModules, type CheckModule } from './check-loader.js';
import type { PositionFinder } from './positions.js';
import type { SourceFiles } from './source-files.js';
import { formatPath } from './zod-issues.js';

/** Relative module specifiers in `import … from './x.js'`, `export … from`, `import './x.js'` and `import('./x.js')`. */
const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** A place in the suite that names a module. */
interface ModuleRef {
  path: PropertyKey[];
  exportName: string | null;
}

/** True for `javascript` and `not-javascript`. */
function isJavascript(type: unknown): boolean {
  return type === 'javascript' || type === 'not-javascript';
}

/** Finds, rewrites, hashes and loads every check module of the raw suite, in place; problems become issues. */
export function resolveCheckFiles(raw: unknown, files: SourceFiles, positions: PositionFinder, issues: SourceIssue[]): void {
  const modules = new Map<string, ModuleRef[]>();
  const register = (holder: Record<string, unknown>, path: PropertyKey[]) => {
    if (typeof holder.file !== 'string' || holder.file === '') return;
    const filePath = [...path, 'file'];
    const read = files.read(holder.file, positions.at(filePath), formatPath(filePath), issues);
    if (!read) return;
    holder.file = read.file;
    if (!modules.has(read.file)) {
      modules.set(read.file, []);
      includeLocalImports(read.file, read.text, files, new Set([read.file]));
    }
    modules.get(read.file)!.push({ path, exportName: typeof holder.function === 'string' ? holder.function : null });
  };
  const visitTransform = (transform: unknown, path: PropertyKey[]) => {
    if (transform && typeof transform === 'object' && !Array.isArray(transform)) register(transform as Record<string, unknown>, path);
  };
  for (const [path, list] of assertionLists(raw)) {
    if (!Array.isArray(list)) continue;
    list.forEach((spec, index) => {
      if (!spec || typeof spec !== 'object') return;
      const record = spec as Record<string, unknown>;
      if (isJavascript(record.type)) register(record, [...path, index]);
      visitTransform(record.transform, [...path, index, 'transform']);
    });
  }
  const prompts = (raw as Record<string, unknown> | null)?.prompts;
  if (Array.isArray(prompts)) prompts.forEach((prompt, index) => visitTransform((prompt as Record<string, unknown> | null)?.transform, ['prompts', index, 'transform']));
  reportLoadProblems(modules, positions, issues);
}

/** Reads the local modules `text` imports, recursively, into the suite hash. */
function includeLocalImports(file: string, text: string, files: SourceFiles, seen: Set<string>): void {
  for (const match of text.matchAll(LOCAL_IMPORT)) {
    const target = join(dirname(file), match[2]!);
    if (seen.has(target)) continue;
    seen.add(target);
    const imported = files.include(target);
    if (imported !== null) includeLocalImports(target, imported, files, seen);
  }
}

/** Loads every module and turns each problem into an issue at each place that names it. */
function reportLoadProblems(modules: Map<string, ModuleRef[]>, positions: PositionFinder, issues: SourceIssue[]): void {
  const wanted: CheckModule[] = [...modules].map(([file, refs]) => ({ file, exports: [...new Set(refs.map((ref) => ref.exportName))] }));
  for (const problem of loadCheckModules(wanted)) {
    for (const ref of modules.get(problem.file) ?? []) {
      if (problem.export !== undefined && problem.export !== ref.exportName) continue;
      const at = problem.export === undefined || ref.exportName === null ? [...ref.path, 'file'] : [...ref.path, 'function'];
      issues.push({ ...positions.at(at), path: formatPath(at), message: problem.message });
    }
  }
}
