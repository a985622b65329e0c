/** Reads the files a suite refers to, relative to the suite, remembering their text for the suite hash. */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { SourceIssue } from '../errors.js';
import type { SourcePosition } from './types.js';

/** The files read while loading one suite. */
export class SourceFiles {
  /** Texts in the order read; hashed into the suite hash. */
  readonly texts: string[] = [];
  private readonly directory: string;

  constructor(readonly suitePath: string) {
    this.directory = dirname(suitePath);
  }

  /** The path of a file named in the suite, as shown in messages (relative to the working directory). */
  resolve(name: string): string {
    const full = isAbsolute(name) ? name : join(this.directory, name);
    const shown = relative(process.cwd(), full);
    return shown.startsWith('..') ? full : shown;
  }

  /** Reads a referenced file; a missing or unreadable one becomes an issue at `position`. */
  read(name: string, position: SourcePosition, path: string, issues: SourceIssue[]): { file: string; text: string } | null {
    return this.readAt(this.resolve(name), name, position, path, issues);
  }

  /**
   * Reads a file for the suite hash only (a module a check imports): no issue when it is missing, since loading
   * the check reports that. `file` is as `resolve` returns it.
   */
  include(file: string): string | null {
    try {
      const text = readFileSync(file, 'utf8');
      this.texts.push(`${file}\0${text}`);
      return text;
    } catch {
      return null;
    }
  }

  /** Reads the suite file itself. */
  readSuite(issues: SourceIssue[]): { file: string; text: string } | null {
    return this.readAt(this.suitePath, '', { file: this.suitePath, line: 0, column: 0 }, '', issues);
  }

  private readAt(file: string, name: string, position: SourcePosition, path: string, issues: SourceIssue[]): { file: string; text: string } | null {
    try {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      this.texts.push(`${name}\0${text}`);
      return { file, text };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot read file (${code ?? 'error'})`;
      issues.push({ ...position, path, message: `${why}: ${file}` });
      return null;
    }
  }
}
