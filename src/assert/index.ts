/** Public surface of the assertions: pure scoring of recorded answers, and the metrics over them. */
export type { Answer, AssertionResult, AssertionSpec, GradeFn, GraderMessage } from './types.js';
export { wilsonInterval, Z_95 } from './metrics/wilson.js';
export type { Interval } from './metrics/wilson.js';
export { passAtK, passHatK } from './metrics/pass-at-k.js';
