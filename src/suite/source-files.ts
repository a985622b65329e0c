/** Reads the files a suite refers to, relative to the suite, remembering their text for the suite hash. */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { SourceIssue } from '../errors.js';
import type { SourcePosition } from './types.js';
import { findInvalidUtf8 } from './utf8.js';

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

  /** Reads the suite file itself. */
  readSuite(issues: SourceIssue[]): { file: string; text: string } | null {
    return this.readAt(this.suitePath, '', { file: this.suitePath, line: 0, column: 0 }, '', issues);
  }

  private readAt(file: string, name: string, position: SourcePosition, path: string, issues: SourceIssue[]): { file: string; text: string } | null {
    try {
      const bytes = readFileSync(file);
      const invalid = findInvalidUtf8(bytes);
      if (invalid) {
        issues.push({
          file,
          line: invalid.line,
          column: invalid.column,
          path: '',
          message: `not UTF-8: invalid byte ${invalid.byte} at byte offset ${invalid.offset}; save the file as UTF-8 (it looks like Latin-1 or another legacy encoding)`,
        });
        return null;
      }
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
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
