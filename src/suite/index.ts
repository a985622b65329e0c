/** Public surface of suite loading: YAML suite files and their data files -> a validated `Suite`. */
export { loadSuite, loadSuites } from './load-suite.js';
export { suiteFileSchema, suiteJsonSchema, paramsSchema, pairwiseSchema } from './schema.js';
export type { PairwiseSpec, RequestParams, SuiteFile } from './schema.js';
export type { CaseSpec, ModelSpec, PromptSpec, SourcePosition, Suite } from './types.js';
export { renderTemplate, renderDeep, templateVariables, deepTemplateVariables, lookupVariable } from './template.js';
export { canonicalJson, sha256Hex } from './canonical-json.js';
export { deriveCaseId } from './case-id.js';
export { RESERVED_COLUMNS } from './data-file.js';
