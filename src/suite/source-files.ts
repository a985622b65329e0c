/**
 * Reads the files a suite refers to, relative to the suite, remembering their text for the suite hash.
 *
 * Every input is distrusted (a suite may come from a pull request): only regular files are read (a FIFO, a
 * device such as /dev/zero or a directory is refused before reading), under a size limit, in bounded chunks (a
 * /proc file that reports size 0 cannot grow without end); and a referenced file must stay inside the suite's
 * directory tree, by its path and by where its symlinks lead, unless `allowOutsidePaths` says otherwise.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { optionRef, type SourceIssue } from '../errors.js';
import type { SourcePosition } from './types.js';
import { findInvalidUtf8, type Utf8Problem } from './utf8.js';

/** Largest suite, prompt or schema file read, in bytes, unless the caller says otherwise: 64 MiB. */
export const DEFAULT_MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/** Largest data file (CSV, JSONL, YAML cases) read, in bytes, unless the caller says otherwise: 1 GiB. */
export const DEFAULT_MAX_DATA_BYTES = 1024 * 1024 * 1024;

/** How referenced files may be read. */
export interface SourceFileOptions {
  /** Read prompt, data and schema files outside the suite's directory tree too. @default false */
  allowOutsidePaths?: boolean;
  /** Largest suite, prompt, schema or tool file, in bytes. @default 67108864 (64 MiB) */
  maxSourceBytes?: number;
  /** Largest data file, in bytes. @default 1073741824 (1 GiB) */
  maxDataBytes?: number;
}

/** What a referenced file holds, which picks its size limit. */
export type SourceKind = 'source' | 'data';

/** The files read while loading one suite. */
export class SourceFiles {
  /** Texts in the order read; hashed into the suite hash. */
  readonly texts: string[] = [];
  private readonly directory: string;

  constructor(readonly suitePath: string, private readonly options: SourceFileOptions = {}) {
    this.directory = dirname(suitePath);
  }

  /** The path of a file named in the suite, as shown in messages (relative to the working directory). */
  resolve(name: string): string {
    const full = isAbsolute(name) ? name : join(this.directory, name);
    const shown = relative(process.cwd(), full);
    return shown.startsWith('..') ? full : shown;
  }

  /** Reads a referenced file; a missing, unreadable, oversized or out-of-tree one becomes an issue at `position`. */
  read(name: string, position: SourcePosition, path: string, issues: SourceIssue[], kind: SourceKind = 'source'): { file: string; text: string } | null {
    const file = this.resolve(name);
    const escape = this.options.allowOutsidePaths ? null : this.escapeOf(name, file);
    if (escape !== null) {
      issues.push({ ...position, path, message: `${escape}: ${name}; keep the files a suite uses under ${this.directory || '.'}, or pass ${optionRef('allowOutsidePaths')}` });
      return null;
    }
    return this.readAt(file, name, position, path, issues, kind);
  }

  /**
   * Reads a referenced binary file (an image) of at most `maxBytes`, with the same path and file-kind checks as
   * `read`; returns the bytes or why not (the caller words the issue).
   */
  readBytes(name: string, maxBytes: number): { file: string; bytes: Buffer } | { file: string; problem: string } {
    const file = this.resolve(name);
    const escape = this.options.allowOutsidePaths ? null : this.escapeOf(name, file);
    if (escape !== null) return { file, problem: `${escape}; keep the files a suite uses under ${this.directory || '.'}, or pass ${optionRef('allowOutsidePaths')}` };
    const result = readRegularFileBytes(file, maxBytes);
    return 'problem' in result ? { file, problem: result.problem } : { file, bytes: result.bytes };
  }

  /**
   * Reads a file for the suite hash only (a module a check imports): no issue when it is missing, since loading
   * the check reports that. `file` is as `resolve` returns it.
   */
  include(file: string): string | null {
    const result = readRegularFile(file, this.options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES);
    if (!('text' in result)) return null;
    this.texts.push(`${file}\0${result.text}`);
    return result.text;
  }

  /** Reads the suite file itself. */
  readSuite(issues: SourceIssue[]): { file: string; text: string } | null {
    return this.readAt(this.suitePath, '', { file: this.suitePath, line: 0, column: 0 }, '', issues, 'source');
  }

  /** Why a referenced path leaves the suite's directory tree, or null when it stays inside. */
  private escapeOf(name: string, file: string): string | null {
    if (isAbsolute(name)) return 'absolute path refused';
    if (isOutside(this.directory, file)) return 'path leaves the suite\'s directory';
    let real: string;
    let root: string;
    try {
      real = realpathSync(file);
      root = realpathSync(this.directory || '.');
    } catch {
      return null; // missing: the read reports it
    }
    return isOutside(root, real) ? 'symlink leads outside the suite\'s directory' : null;
  }

  private readAt(file: string, name: string, position: SourcePosition, path: string, issues: SourceIssue[], kind: SourceKind): { file: string; text: string } | null {
    const maxBytes = kind === 'data' ? (this.options.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES) : (this.options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES);
    const result = readRegularFile(file, maxBytes);
    if ('invalid' in result) {
      // The position is the bad byte's, in the file itself: the reference that named the file is not the problem.
      const { invalid } = result;
      issues.push({
        file,
        line: invalid.line,
        column: invalid.column,
        path: '',
        message: `not UTF-8: invalid byte ${invalid.byte} at byte offset ${invalid.offset}; save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)`,
      });
      return null;
    }
    if ('problem' in result) {
      issues.push({ ...position, path, message: `${result.problem}: ${file}` });
      return null;
    }
    const text = result.text.replace(/^\uFEFF/, '');
    this.texts.push(`${name}\0${text}`);
    return { file, text };
  }
}

function isOutside(root: string, path: string): boolean {
  const rel = relative(root || '.', path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/**
 * The text of a regular UTF-8 file of at most `maxBytes`, or why not (the first invalid UTF-8 sequence apart); see
 * `readRegularFileBytes`.
 */
export function readRegularFile(file: string, maxBytes: number): { text: string } | { problem: string } | { invalid: Utf8Problem } {
  const result = readRegularFileBytes(file, maxBytes);
  if ('problem' in result) return result;
  const invalid = findInvalidUtf8(result.bytes);
  return invalid ? { invalid } : { text: result.bytes.toString('utf8') };
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why not. Opened non-blocking so a FIFO cannot hang the
 * open itself; read in chunks collected once, so the cost is linear in the size.
 */
export function readRegularFileBytes(file: string, maxBytes: number): { bytes: Buffer } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read file (${code ?? 'error'})` };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { problem: 'is a directory, expected a file' };
    if (!stats.isFile()) return { problem: 'not a regular file (a FIFO, socket or device), expected a file' };
    if (stats.size > maxBytes) return { problem: `file is ${stats.size} bytes, above the limit of ${maxBytes} bytes` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total) || 1);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { problem: `file is larger than the limit of ${maxBytes} bytes` };
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { problem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}
