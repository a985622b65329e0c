/** Shared by the suite and plan tests: fixture paths, and the `SuiteError` a bad fixture throws. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SuiteError } from '../../src/errors.js';
import { loadSuite, type LoadSuiteOptions } from '../../src/suite/index.js';

/** Path of a suite fixture as a user would type it from the repository root (vitest's working directory). */
export function fixturePath(name: string): string {
  return join('test', 'fixtures', 'suites', name);
}

/** Path of a data fixture, as the loader shows it in messages. */
export function dataPath(name: string): string {
  return join('test', 'fixtures', 'suites', 'data', name);
}

/** Loads a suite that must be invalid and returns its error. */
export function loadError(path: string, options: LoadSuiteOptions = {}): SuiteError {
  try {
    loadSuite(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SuiteError);
    return error as SuiteError;
  }
  throw new Error(`expected ${path} to be invalid`);
}

/** A temporary directory with the given files (text or exact bytes); `remove` deletes it. */
export function writeTempFiles(files: Record<string, string | Uint8Array>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ote-suite-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
