/**
 * `::error` annotations for cells that went from pass to fail, pointing at their case in the head run's suite.
 * When that suite cannot be loaded (moved, or run elsewhere) the annotations point at the suite file's first line.
 */
import type { CompareReport } from '../compare/index.js';
import { loadSuite } from '../suite/index.js';
import { isGithubActions, writeAnnotation } from './github.js';
import { MAX_ANNOTATIONS } from './annotations.js';

/** Writes annotations (to stderr) inside GitHub Actions; returns how many. */
export function emitCompareAnnotations(report: CompareReport, suitePath: string, env: NodeJS.ProcessEnv = process.env): number {
  if (!isGithubActions(env)) return 0;
  const positions = new Map<string, { file: string; line: number }>();
  try {
    for (const testCase of loadSuite(suitePath).cases) positions.set(testCase.id, testCase.position);
  } catch {
    // Positions are a convenience; the flip is still annotated at the suite file.
  }
  let count = 0;
  for (const flip of report.flips) {
    if (flip.direction !== 'pass-to-fail' || count >= MAX_ANNOTATIONS) continue;
    const position = positions.get(flip.case) ?? { file: suitePath, line: 1 };
    const message = `regressed (pass -> fail): ${flip.head.failedReasons.join('; ') || 'failed'}`;
    writeAnnotation({ file: position.file, line: position.line, title: `onetoken-eval: ${flip.id}`, message }, env);
    count++;
  }
  return count;
}
