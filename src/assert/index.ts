/** Public surface of the assertions: pure scoring of recorded answers, the spec schema, and the metrics. */
export type {
  Answer,
  AssertionResult,
  AssertionSpec,
  CaptureFn,
  CellFacts,
  CheckOutcome,
  CheckRequest,
  CheckSource,
  DeclaredTool,
  GradeFn,
  GraderMessage,
  MatchFn,
  RunCheckFn,
  ToolCall,
} from './types.js';
export { containsArguments } from './tool-match.js';
export type { AssertionKind, Check, KindContext } from './kind.js';
export { assertionSpecSchema, validateAssertion } from './schema.js';
export { assertionResultSchema } from './result-schema.js';
export { jsonSchemaProblem } from './json-schema-validator.js';
export type { AssertionIssue, ValidAssertionSpec } from './schema.js';
export { scoreAnswer, failedAssertion } from './score.js';
export { scoreCase } from './score-case.js';
export type { CaseScore } from './score-case.js';
export { parseExpectedShorthand } from './shorthand.js';
export { assertionTypes } from './registry.js';
export { buildGraderMessages, parseGraderVerdict, isModelGraded, DEFAULT_GRADER_MODEL, buildFactualityMessages, parseFactualityVerdict, buildClosedQaMessages, FACTUALITY_CATEGORIES } from './grader.js';
export type { FactualityCategory } from './grader.js';
export type { GraderVerdict } from './grader.js';
export { applyTransform, parseTransform, describeTransform, transformSpecSchema } from './transform.js';
export type { Transform, TransformOutcome, TransformSpec } from './transform.js';
export { DEFAULT_CHECK_TIMEOUT_MS, checkContext } from './check-context.js';
export { expressionBody } from './check-source.js';
export { buildJudgeMessages, parseJudgeVerdict, combineVerdicts, describeQuestion } from './pairwise-judge.js';
export type { JudgePreference, PairOutcome } from './pairwise-judge.js';
