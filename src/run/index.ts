/** Public surface of the runner: executing a plan, the run directory (run.json, the journal) and the cache. */
export type { CellError, CellRecord, GraderCall, PlanOptionsRecord, RunMeta } from './record.js';
export { RUN_META_VERSION, CELL_KEYS, cellRecordSchema, runMetaSchema, orderRecord } from './record.js';
export { executeRun } from './execute-run.js';
export type { ExecuteRunOptions, RunResult } from './execute-run.js';
export { runPlan, DEFAULT_CONCURRENCY } from './run-plan.js';
export type { RunOutcome, RunPlanOptions, StopReason } from './run-plan.js';
export { CellJournal, JOURNAL_FILE, journalRecords, rewriteJournal } from './journal.js';
export { ResponseCache, DEFAULT_CACHE_DIR, cacheInfo, clearCache, hashRequest, requestHash } from './cache.js';
export { readRunMetaFile, writeRunMeta, parseRunMeta, RUN_META_FILE } from './run-meta.js';
export { assertFreshRunDirectory } from './run-directory.js';
export { estimateCost } from './cost.js';
export type { Pricing } from './cost.js';
export { cellErrorTemplate } from './execute-cell.js';
export { scoreRecord, answerOf, GRADER_SEED } from './score-cell.js';
export type { ScoreContext } from './score-cell.js';
export { MOCK_BASE_URL, cacheNamespaceOf } from './cache-namespace.js';
