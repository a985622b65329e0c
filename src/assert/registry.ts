/** Every assertion kind by its `type`. Adding a kind is one file in `kinds/` and one line in `KINDS`. */
import type { AssertionKind } from './kind.js';
import { citationDomain } from './kinds/citation-domain.js';
import { containsAll } from './kinds/contains-all.js';
import { containsAny } from './kinds/contains-any.js';
import { contains } from './kinds/contains.js';
import { cost } from './kinds/cost.js';
import { equals } from './kinds/equals.js';
import { finishReason } from './kinds/finish-reason.js';
import { hasCitation } from './kinds/has-citation.js';
import { icontainsAll } from './kinds/icontains-all.js';
import { icontainsAny } from './kinds/icontains-any.js';
import { icontains } from './kinds/icontains.js';
import { isJson } from './kinds/is-json.js';
import { javascript } from './kinds/javascript.js';
import { jsonPath } from './kinds/json-path.js';
import { jsonSchema } from './kinds/json-schema.js';
import { latency } from './kinds/latency.js';
import { length } from './kinds/length.js';
import { levenshtein } from './kinds/levenshtein.js';
import { llmRubric } from './kinds/llm-rubric.js';
import { matchesResponseFormat } from './kinds/matches-response-format.js';
import { factuality } from './kinds/factuality.js';
import { modelGradedClosedqa } from './kinds/model-graded-closedqa.js';
import { maxTokens } from './kinds/max-tokens.js';
import { noToolCall } from './kinds/no-tool-call.js';
import { regex } from './kinds/regex.js';
import { similar } from './kinds/similar.js';
import { startsWith } from './kinds/starts-with.js';
import { toolCall } from './kinds/tool-call.js';
import { toolCalls } from './kinds/tool-calls.js';
import { validToolCall } from './kinds/valid-tool-call.js';

/** All kinds, in the order of the reference table: text, structure, tools, similarity, run facts, model-graded. */
export const KINDS = [
  equals,
  contains,
  icontains,
  containsAny,
  containsAll,
  icontainsAny,
  icontainsAll,
  startsWith,
  regex,
  length,
  isJson,
  jsonSchema,
  jsonPath,
  matchesResponseFormat,
  toolCall,
  toolCalls,
  noToolCall,
  validToolCall,
  levenshtein,
  similar,
  latency,
  cost,
  finishReason,
  maxTokens,
  hasCitation,
  citationDomain,
  llmRubric,
  factuality,
  modelGradedClosedqa,
  javascript,
] as const;

/** Prefix that negates a kind: `not-contains`. */
export const NOT_PREFIX = 'not-';

const byType = new Map<string, AssertionKind>(KINDS.map((kind) => [kind.type, kind]));

/** The kind a `type` names and whether the `not-` prefix negates it; undefined for an unknown type. */
export function findKind(type: string): { kind: AssertionKind; isNegated: boolean } | undefined {
  const kind = byType.get(type);
  if (kind) return { kind, isNegated: false };
  const base = type.startsWith(NOT_PREFIX) ? byType.get(type.slice(NOT_PREFIX.length)) : undefined;
  return base ? { kind: base, isNegated: true } : undefined;
}

/** The base assertion types (without `not-` variants), in reference order. */
export function assertionTypes(): string[] {
  return KINDS.map((kind) => kind.type);
}

/** Every accepted `type`, `not-` variants included; the candidates for "did you mean". */
export function acceptedTypes(): string[] {
  return [...assertionTypes(), ...assertionTypes().map((type) => `${NOT_PREFIX}${type}`)];
}
