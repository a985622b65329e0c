/** Builders of synthetic cell records and run metadata for the compare and results-reader tests. */
import type { CellRecord, RunMeta } from '../../src/run/index.js';
import { toCompareCell } from '../../src/compare/index.js';
import type { CompareCell } from '../../src/compare/index.js';

/**
 * Run metadata with overridable fields. `cells` (what the run directory is responsible for) defaults to 1, so a
 * synthetic side counts as finished once it holds a cell; the completeness tests set it.
 */
export function makeMeta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    version: 2,
    tool: { name: 'onetoken-eval', version: '0.1.0' },
    suite: { name: 'capitals', path: 'suites/capitals.yaml', hash: 'suite-hash-1' },
    planHash: 'plan-hash-1',
    planCells: 10,
    cells: 1,
    shard: null,
    models: ['gpt-4o', 'gpt-4o-mini'],
    plan: { models: null, filter: null, shard: null, repeat: null },
    baseUrl: 'https://onetoken.one/v1',
    startedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The fields a test usually sets; the rest get defaults. */
export interface CellSpec extends Partial<CellRecord> {
  prompt?: string;
  case?: string;
  model?: string;
  repeat?: number;
}

/** A full cell record; `id` is derived from prompt/case/model#repeat unless given. */
export function makeRecord(spec: CellSpec = {}): CellRecord {
  const prompt = spec.prompt ?? 'ask';
  const kase = spec.case ?? 'c0';
  const model = spec.model ?? 'gpt-4o';
  const repeat = spec.repeat ?? 0;
  const pass = spec.pass === undefined ? true : spec.pass;
  return {
    id: `${prompt}/${kase}/${model}#${repeat}`,
    index: 0,
    prompt,
    case: kase,
    model,
    modelId: model,
    repeat,
    seed: 42,
    requestHash: 'hash',
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    params: { temperature: 0 },
    output: pass === false ? 'The capital is Lyon.' : 'The capital is Paris.',
    toolCalls: [],
    finishReason: 'stop',
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    servedModel: `${model}-2024-08-06`,
    systemFingerprint: 'fp_1',
    responseId: 'chatcmpl-1',
    requestId: 'req-1',
    citations: [],
    latencyMs: 100,
    ttftMs: 50,
    attempts: 1,
    cached: false,
    cost: 0.001,
    rounds: [],
    turns: [],
    error: null,
    assertions:
      pass === false
        ? [{ type: 'contains', pass: false, score: 0, reason: "expected to contain 'Paris'", weight: 1, metric: null, error: null }]
        : [{ type: 'contains', pass: true, score: 1, reason: "contains 'Paris'", weight: 1, metric: null, error: null }],
    graderCalls: [],
    pass,
    score: pass === null ? null : pass ? 1 : 0,
    ...spec,
  };
}

/** An errored record: no answer, pass and score null. */
export function makeErrored(spec: CellSpec = {}): CellRecord {
  return makeRecord({
    output: null,
    usage: null,
    latencyMs: null,
    cost: null,
    servedModel: null,
    systemFingerprint: null,
    assertions: [],
    error: { code: 'OTE_API_RATE_LIMIT', message: 'rate limited', status: 429, raw: null },
    ...spec,
    pass: null,
    score: null,
  });
}

/** Projects records for compareRuns. */
export function slim(records: CellRecord[]): CompareCell[] {
  return records.map(toCompareCell);
}

/**
 * Records for `cases` cases of one model with one repeat; `failing` lists the case numbers that fail.
 * Indices follow the case number.
 */
export function casesOf(cases: number, failing: Iterable<number>, spec: CellSpec = {}): CellRecord[] {
  const fail = new Set(failing);
  return Array.from({ length: cases }, (_, i) => {
    const record = makeRecord({ case: `c${i}`, ...spec, pass: !fail.has(i) });
    return { ...record, index: i };
  });
}

/** Integers lo..hi-1. */
export function range(lo: number, hi: number): number[] {
  return Array.from({ length: Math.max(0, hi - lo) }, (_, i) => lo + i);
}
