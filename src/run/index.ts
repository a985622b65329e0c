/** Public surface of the runner. */
export type { CellError, CellRecord, GraderCall, RunMeta } from './record.js';
export { RECORD_VERSION } from './record.js';
export { executeRun } from './execute-run.js';
export type { ExecuteRunOptions, RunResult } from './execute-run.js';
export { runPlan } from './run-plan.js';
export type { RunOutcome, RunPlanOptions, StopReason } from './run-plan.js';
export { CellJournal, JOURNAL_FILE, journalRecords } from './journal.js';
export { ResponseCache, DEFAULT_CACHE_DIR, cacheInfo, clearCache, hashRequest, requestHash } from './cache.js';
export { readRunMetaFile, writeRunMeta, RUN_META_FILE } from './run-directory.js';
export { estimateCost } from './cost.js';
export type { Pricing } from './cost.js';
export { scoreRecord, answerOf, GRADER_SEED } from './score-cell.js';
export type { ScoreContext } from './score-cell.js';
export { readResultCells, readRunMeta, readJournal } from './read-results.js';
