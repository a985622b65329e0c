/** Public surface of suite loading: YAML suite files and their data files -> a validated `Suite`. */
export { loadSuite, loadSuites, MAX_VALUE_DEPTH } from './load-suite.js';
export type { LoadSuiteOptions } from './load-suite.js';
export { DEFAULT_MAX_DATA_BYTES, DEFAULT_MAX_SOURCE_BYTES } from './source-files.js';
export { suiteFileSchema, suiteJsonSchema, paramsSchema, pairwiseSchema } from './schema.js';
export type { ContentPartSpec, PairwiseSpec, RequestParams, SuiteFile, ToolResultSpec, ToolSpec } from './schema.js';
export type { CaseSpec, ImageAsset, MessageContent, ModelSpec, PromptMessage, PromptSpec, SourcePosition, Suite, TurnSpec } from './types.js';
export { renderTemplate, renderDeep, templateVariables, deepTemplateVariables, lookupVariable } from './template.js';
export { canonicalJson, sha256Hex } from './canonical-json.js';
export { deriveCaseId } from './case-id.js';
export { RESERVED_COLUMNS } from './data-file.js';
