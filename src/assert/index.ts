/** Public surface of the assertions: pure scoring of recorded answers, the spec schema, and the metrics. */
export type { Answer, AssertionResult, AssertionSpec, DeclaredTool, GradeFn, GraderMessage, MatchFn, ToolCall } from './types.js';
export { containsArguments } from './tool-match.js';
export type { AssertionKind, Check, KindContext } from './kind.js';
export { assertionSpecSchema, validateAssertion } from './schema.js';
export { assertionResultSchema } from './result-schema.js';
export { jsonSchemaProblem } from './json-schema-validator.js';
export type { AssertionIssue, ValidAssertionSpec } from './schema.js';
export { scoreAnswer } from './score.js';
export { scoreCase } from './score-case.js';
export type { CaseScore } from './score-case.js';
export { parseExpectedShorthand } from './shorthand.js';
export { assertionTypes } from './registry.js';
export { buildGraderMessages, parseGraderVerdict, isModelGraded, DEFAULT_GRADER_MODEL } from './grader.js';
export type { GraderVerdict } from './grader.js';
