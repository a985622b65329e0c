/**
 * Checking output locations before any request, so a wrong `--out`, `--cache-dir` or `--junit` fails while
 * nothing has been paid for. Directories are created one level at a time from the nearest existing ancestor:
 * a recursive mkdir under /proc or /sys spun at 100% CPU, ignoring SIGTERM, so those trees are refused outright
 * and every step here is one bounded system call.
 */
import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { optionRef, UsageError } from '../errors.js';

/** Kernel pseudo-filesystems: nothing the tool writes belongs there. */
const PSEUDO_FS = /^\/(proc|sys)(\/|$)/;

/** Creates `dir` if needed and proves it writable; a `UsageError` (exit 2) naming `option` otherwise. */
export function prepareDirectory(dir: string, option: string): void {
  const fail = (why: string, cause?: unknown): never => {
    throw new UsageError(`${optionRef(option)} ${dir}: ${why}`, { cause });
  };
  const full = resolve(dir);
  if (PSEUDO_FS.test(full)) fail('is on a kernel pseudo-filesystem (/proc, /sys); choose a directory on disk');
  const missing: string[] = [];
  for (let current = full; ; ) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(current).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') fail(`a part of the path is a file, expected directories`, error);
      if (code !== 'ENOENT') fail(`cannot use this path (${code ?? (error as Error).message})`, error);
      const parent = dirname(current);
      if (parent === current) fail('no existing parent directory');
      missing.unshift(current);
      current = parent;
      continue;
    }
    if (!isDirectory) fail(current === full ? 'is a file, expected a directory' : `${current} is a file, expected a directory`);
    break;
  }
  for (const part of missing) {
    try {
      mkdirSync(part);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fail(`cannot create the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
    }
  }
  // access(W_OK) says yes on a read-only mount for root: only a real write proves it.
  const probe = resolve(full, `.onetoken-eval-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (error) {
    fail(`cannot write in this directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Proves that the file `path` can be written (its directory created if needed); `option` names it in errors. */
export function prepareOutputFile(path: string, option: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // missing: its directory is checked below
  }
  if (isDirectory) throw new UsageError(`${optionRef(option)} ${path}: is a directory, expected a file path`);
  prepareDirectory(dirname(path), option);
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UsageError(`${optionRef(option)} ${path}: cannot write the file (${code ?? (error as Error).message})`, { cause: error });
  }
}
