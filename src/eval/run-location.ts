/**
 * Where a run is written by default: `results/<suite>/<UTC timestamp>/` with `results/<suite>/latest`
 * pointing at it (a symlink, or a one-line pointer file holding the directory name where symlinks are refused).
 */
import { lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `2026-11-26T06-30-05Z`: sortable, and valid as a file name everywhere. */
export function timestampName(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/** The default run directory of a suite: `results/<suite>/<UTC timestamp>/` (see `claimRunDirectory`). */
export function runDirectoryFor(suiteName: string, startedAt: Date): string {
  return join('results', suiteName, timestampName(startedAt));
}

/**
 * Creates a new default run directory and returns it: `results/<suite>/<timestamp>/`, or `<timestamp>-2/`,
 * `-3/`, ... when another run started in the same second. The leaf is made with a non-recursive mkdir, which
 * fails if the name exists, so two processes can never be handed the same directory.
 */
export function claimRunDirectory(suiteName: string, startedAt: Date, root = 'results'): string {
  const base = join(root, suiteName, timestampName(startedAt));
  mkdirSync(join(root, suiteName), { recursive: true });
  for (let suffix = 1; ; suffix++) {
    const dir = suffix === 1 ? base : `${base}-${suffix}`;
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** A pointer file the tool wrote: one short line naming a sibling directory, nothing else. */
const POINTER_LINE = /^[^/\\\n]{1,200}\n?$/;

/**
 * Points `results/<suite>/latest` at the run (default locations only). Only a symlink or a pointer file the tool
 * itself wrote is replaced, through a rename so `latest` always exists; anything else there (a directory, a
 * user's file) is left alone and `onSkip` hears why.
 */
export function updateLatest(runDir: string, suiteName: string, onSkip: (message: string) => void = () => undefined, root = 'results'): void {
  const parent = join(root, suiteName);
  const latest = join(parent, 'latest');
  mkdirSync(parent, { recursive: true });
  const existing = latestKind(latest);
  if (existing === 'other') {
    onSkip(`${latest} was not updated: it is not a link or pointer file written by onetoken-eval; move it away to have it updated`);
    return;
  }
  const target = runDir.slice(parent.length + 1);
  const temp = `${latest}.${process.pid}.tmp`;
  try {
    symlinkSync(target, temp, 'dir');
  } catch {
    writeFileSync(temp, `${target}\n`);
  }
  renameSync(temp, latest);
}

function latestKind(path: string): 'none' | 'ours' | 'other' {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return 'none';
  }
  if (stats.isSymbolicLink()) return readlinkSync(path).includes('/') || readlinkSync(path).includes('\\') ? 'other' : 'ours';
  if (!stats.isFile() || stats.size > 256) return 'other';
  return POINTER_LINE.test(readFileSync(path, 'utf8')) ? 'ours' : 'other';
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
