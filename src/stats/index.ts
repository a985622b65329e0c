/**
 * Public surface of the statistics: pure functions over numbers, shared by the assertions, the reports and the
 * comparison. A leaf: it imports nothing of ours but the errors.
 */
export { wilsonInterval, Z_95 } from './wilson.js';
export type { Interval } from './wilson.js';
export { passAtK, passHatK } from './pass-at-k.js';
export { percentile, percentiles } from './percentile.js';
export { SampleList } from './sample-list.js';
export { binomialTwoSidedP } from './binomial-test.js';
export { mcnemarExact } from './mcnemar.js';
export { signTest } from './sign-test.js';
export type { SignTestResult } from './sign-test.js';
export { newcombePairedInterval, moverPairedInterval } from './paired-interval.js';
export type { PairedTable } from './paired-interval.js';
export { holmAdjust } from './holm.js';
export { seededRandom } from './seeded-random.js';
export { bradleyTerry, rankModels } from './bradley-terry.js';
export type { Comparison, RankedModel } from './bradley-terry.js';
