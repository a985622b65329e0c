/**
 * The pipeline's import rules, STYLE.md §2, checked by scanning every `import`/`export … from` line of `src/`.
 * `RULES` below is that table, row for row, with no per-file allowances: if code breaks a rule, the code moves
 * to the folder it belongs in, the table does not widen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');

/**
 * Leaves: shared modules that know nothing of the pipeline. A leaf may import only the leaves listed for it
 * (`stats` and `wire` may use the errors; `errors` and `suggest` import nothing of ours).
 */
const LEAVES: Record<string, string[]> = {
  errors: [],
  suggest: [],
  stats: ['errors'],
  wire: ['errors'],
  pattern: [],
};

/** What a pipeline folder may import, on top of every leaf. */
interface Rule {
  /** Folders it may import values (and types) from. */
  values: string[];
  /** Folders it may import only types from (`import type` / `export type`). */
  types: string[];
}

/** STYLE.md §2, the table: `eval` is listed before it exists so the rule holds the day it is added. */
const RULES: Record<string, Rule> = {
  suite: { values: ['assert'], types: [] },
  plan: { values: ['suite', 'assert'], types: [] },
  client: { values: [], types: [] },
  mock: { values: [], types: [] },
  assert: { values: [], types: [] },
  run: { values: ['plan', 'client', 'assert'], types: ['suite'] },
  report: { values: [], types: ['run', 'assert'] },
  compare: { values: ['report'], types: ['run', 'assert'] },
  eval: { values: ['suite', 'plan', 'run', 'client', 'assert', 'report', 'compare', 'mock'], types: [] },
  cli: { values: ['eval', 'suite', 'plan', 'run', 'client', 'assert', 'report', 'compare', 'mock'], types: [] },
};

/** Folders whose code is a pure function of its arguments: time, sleep and randomness are passed in. */
const PURE = ['plan', 'assert', 'stats', 'compare', 'report'];

/**
 * The impure edge of the pure folders: the one report writer, which streams the renderers' chunks into files,
 * its file sink, and the results.json reader that lives beside the writer. Everything else in `report/` is a
 * renderer and stays pure. Add a file here only when it is such an edge (it moves bytes between the report
 * files and the disk), never to silence a renderer.
 */
const IO_EDGES = ['src/report/write-reports.ts', 'src/report/file-sink.ts', 'src/report/results-reader.ts'];

const IMPURE_PATTERNS = [
  /from 'node:(fs|net|http|https|http2|tls|dns|child_process)/,
  /from 'undici'/,
  /process\.env/,
  /Math\.random\(/,
  /Date\.now\(/,
  /new Date\(\)/,
  /performance\.now\(/,
];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

interface ImportLine {
  file: string;
  folder: string;
  target: string;
  isTypeOnly: boolean;
}

/** The top-level module of `src/` a path belongs to: a folder name, or a file name without `.ts`/`.js`. */
function moduleOf(pathInSrc: string): string {
  return pathInSrc.split(sep)[0]!.replace(/\.(ts|js)$/, '');
}

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(file, 'utf8');
  const folder = moduleOf(relative(SRC, file));
  const lines: ImportLine[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    lines.push({ file: relative(ROOT, file), folder, target: match[3]!, isTypeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(/import\('([^']+)'\)/g)) lines.push({ file: relative(ROOT, file), folder, target: match[1]!, isTypeOnly: false });
  return lines;
}

/** The `src/` path an import resolves to, or null for packages and built-ins. */
function resolvedPath(line: ImportLine): string | null {
  if (!line.target.startsWith('.')) return null;
  return relative(SRC, join(ROOT, line.file, '..', line.target));
}

/** The top-level module an import points into, or null for packages and the importer's own module. */
function targetModule(line: ImportLine): string | null {
  const resolved = resolvedPath(line);
  if (resolved === null) return null;
  const target = moduleOf(resolved);
  return target === line.folder ? null : target;
}

const files = sourceFiles(SRC);
const all = files.flatMap(importsOf);

describe('import rules', () => {
  it('knows every top-level module of src/', () => {
    const modules = [...new Set(files.map((file) => moduleOf(relative(SRC, file))))];
    expect(modules.filter((name) => name !== 'index' && !(name in LEAVES) && !(name in RULES))).toEqual([]);
  });

  it('keeps the leaves free of the pipeline', () => {
    const violations = all.filter((line) => {
      const target = targetModule(line);
      return line.folder in LEAVES && target !== null && !LEAVES[line.folder]!.includes(target);
    });
    expect(violations).toEqual([]);
  });

  it('keeps each folder to the folders its row of the table allows', () => {
    const violations = all.filter((line) => {
      const rule = RULES[line.folder];
      const target = targetModule(line);
      if (!rule || target === null || target in LEAVES) return false;
      return !(rule.values.includes(target) || (line.isTypeOnly && rule.types.includes(target)));
    });
    expect(violations).toEqual([]);
  });

  it('lets nothing import the CLI', () => {
    expect(all.filter((line) => targetModule(line) === 'cli')).toEqual([]);
  });

  it('crosses into a folder only through its index.ts', () => {
    const violations = all.filter((line) => {
      const target = targetModule(line);
      if (target === null) return false;
      // A single-file leaf (errors.ts, suggest.ts) is its own public surface.
      const resolved = resolvedPath(line)!;
      return resolved !== `${target}.js` && resolved !== join(target, 'index.js');
    });
    expect(violations).toEqual([]);
  });

  it('keeps src/index.ts and every folder index.ts to re-exports', () => {
    const indexFiles = files.filter((file) => /^([^/\\]+[/\\])?index\.ts$/.test(relative(SRC, file)));
    const offenders = indexFiles.flatMap((file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+'[^']+';/g, '')
        .replace(/export\s+\*\s+from\s+'[^']+';/g, '')
        .trim();
      return code === '' ? [] : [`${relative(ROOT, file)}: ${code.split('\n')[0]}`];
    });
    expect(offenders).toEqual([]);
  });

  it('keeps the pure folders free of I/O, clocks, randomness and the environment', () => {
    const violations: string[] = [];
    for (const folder of PURE) {
      for (const file of sourceFiles(join(SRC, folder))) {
        if (IO_EDGES.includes(relative(ROOT, file).split(sep).join('/'))) continue;
        const text = readFileSync(file, 'utf8');
        for (const pattern of IMPURE_PATTERNS) if (pattern.test(text)) violations.push(`${relative(ROOT, file)}: ${pattern}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('names only I/O edges that exist', () => {
    expect(IO_EDGES.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });

  it('uses no default exports', () => {
    const offenders = files.filter((file) => /^export default/m.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
