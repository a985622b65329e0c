/** Public surface of the runner. */
export type { CellError, CellRecord, GraderCall, RunMeta } from './record.js';
export { RECORD_VERSION } from './record.js';
