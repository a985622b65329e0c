/**
 * The pipeline's import rules (STYLE.md §2), checked by scanning every `import` line of `src/`: which folder may
 * import which, type-only imports where only types may cross, cross-folder imports only through `index.ts`, and
 * no I/O, clock or randomness in the pure steps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');

/** Folders each folder may import values from (besides itself and `errors.ts`). */
const VALUE_IMPORTS: Record<string, string[]> = {
  suite: ['assert'],
  plan: ['suite', 'assert'],
  client: [],
  mock: [],
  assert: [],
  run: ['client', 'plan', 'assert'],
  report: ['assert'],
  compare: ['assert'],
  eval: ['suite', 'plan', 'run', 'client', 'assert', 'report', 'compare'],
};

/** Folders each folder may import types from, on top of its value imports. */
const TYPE_IMPORTS: Record<string, string[]> = {
  run: ['suite'],
  report: ['run'],
  compare: ['run'],
};

/** Pure folders: no fs, network, clock, randomness or environment. */
const PURE = ['plan', 'assert', 'compare', 'stats'];
const IMPURE_PATTERNS = [/from 'node:(fs|net|http|https|child_process)/, /from 'undici'/, /process\.env/, /Math\.random\(/, /Date\.now\(/, /new Date\(\)/];

function sourceFiles(dir: string): string[] {
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

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(file, 'utf8');
  const folder = relative(SRC, file).split(sep)[0]!.replace(/\.ts$/, '');
  const lines: ImportLine[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    lines.push({ file: relative(ROOT, file), folder, target: match[3]!, isTypeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(/import\('([^']+)'\)/g)) lines.push({ file: relative(ROOT, file), folder, target: match[1]!, isTypeOnly: false });
  return lines;
}

/** The src folder an import points into, or null for packages and same-folder files. */
function targetFolder(line: ImportLine): string | null {
  if (!line.target.startsWith('.')) return null;
  const resolved = relative(SRC, join(ROOT, line.file, '..', line.target));
  const folder = resolved.split(sep)[0]!.replace(/\.js$/, '');
  return folder === line.folder ? null : folder;
}

const all = sourceFiles(SRC).flatMap(importsOf);

describe('import rules', () => {
  it('lets nothing outside the CLI import the CLI', () => {
    expect(all.filter((line) => line.folder !== 'cli' && targetFolder(line) === 'cli')).toEqual([]);
  });

  it('keeps each pipeline step to the folders it may import', () => {
    const violations = all.filter((line) => {
      const target = targetFolder(line);
      if (!target || target === 'errors' || target === 'stats' || target === 'suggest' || target === 'wire' || line.folder === 'cli' || line.folder === 'index') return false;
      const allowed = [...(VALUE_IMPORTS[line.folder] ?? []), ...(line.isTypeOnly ? (TYPE_IMPORTS[line.folder] ?? []) : [])];
      return !allowed.includes(target);
    });
    expect(violations).toEqual([]);
  });

  it('crosses folders only through their index.ts', () => {
    const violations = all.filter((line) => {
      const target = targetFolder(line);
      if (!target || target === 'errors' || target === 'suggest') return false;
      return !/\/index\.js$/.test(line.target);
    });
    expect(violations).toEqual([]);
  });

  it('keeps the pure steps free of I/O, clocks, randomness and the environment', () => {
    const violations: string[] = [];
    for (const folder of PURE) {
      for (const file of sourceFiles(join(SRC, folder))) {
        const text = readFileSync(file, 'utf8');
        for (const pattern of IMPURE_PATTERNS) if (pattern.test(text)) violations.push(`${relative(ROOT, file)}: ${pattern}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('uses no default exports', () => {
    const offenders = sourceFiles(SRC).filter((file) => /^export default/m.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
