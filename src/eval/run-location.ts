/**
 * Where a run is written by default: `results/<suite>/<UTC timestamp>/` with `results/<suite>/latest`
 * pointing at it (a symlink, or a one-line file holding the directory name where symlinks are refused).
 */
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

/** `2026-11-26T06-30-05Z`: sortable, and valid as a file name everywhere. */
export function timestampName(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/** The default run directory of a suite: `results/<suite>/<UTC timestamp>/`. */
export function runDirectoryFor(suiteName: string, startedAt: Date): string {
  return join('results', suiteName, timestampName(startedAt));
}

/** Points `results/<suite>/latest` at the run (default locations only). */
export function updateLatest(runDir: string, suiteName: string): void {
  const parent = join('results', suiteName);
  const latest = join(parent, 'latest');
  mkdirSync(parent, { recursive: true });
  rmSync(latest, { force: true, recursive: isPlainDirectory(latest) });
  const target = runDir.slice(parent.length + 1);
  try {
    symlinkSync(target, latest, 'dir');
  } catch {
    writeFileSync(latest, `${target}\n`);
  }
}

function isPlainDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Resolves a `latest` file (not a symlink) to the directory it names. */
export function resolveRunPath(path: string): string {
  try {
    if (statSync(path).isFile() && path.endsWith('latest')) return join(path, '..', readFileSync(path, 'utf8').trim());
  } catch {
    return path;
  }
  return path;
}
