/** Synthetic run records for the report tests: a cell factory, a run.json, plan-order grids and a temp dir. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssertionResult } from '../../src/assert/index.js';
import type { CellRecord, RunMeta } from '../../src/run/index.js';

/** A run.json for `models`. */
export function makeMeta(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    version: 2,
    tool: { name: 'onetoken-eval', version: '0.1.0' },
    suite: { name: 'capitals', path: 'suites/capitals.yaml', hash: 'suitehash' },
    planHash: 'planhash0123456789',
    planCells: 4,
    cells: 4,
    shard: null,
    models: ['mini', 'big'],
    plan: { models: null, filter: null, shard: null, repeat: null },
    baseUrl: 'http://127.0.0.1:1/v1',
    startedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

/** A passing assertion result, or a failing one when `pass` is false. */
export function makeAssertion(pass: boolean, overrides: Partial<AssertionResult> = {}): AssertionResult {
  return {
    type: 'contains',
    pass,
    score: pass ? 1 : 0,
    reason: pass ? 'contains "Paris"' : 'expected to contain "Paris", got "Lyon"',
    weight: 1,
    metric: null,
    error: null,
    ...overrides,
  };
}

/** One answered cell; `pass` decides its assertion, score and output unless overridden. */
export function makeCell(overrides: Partial<CellRecord> = {}): CellRecord {
  const pass = overrides.pass === undefined ? true : overrides.pass;
  const prompt = overrides.prompt ?? 'capital';
  const caseName = overrides.case ?? 'france';
  const model = overrides.model ?? 'mini';
  const repeat = overrides.repeat ?? 0;
  return {
    id: `${prompt}/${caseName}/${model}#${repeat}`,
    index: 0,
    prompt,
    case: caseName,
    model,
    modelId: `${model}-id`,
    repeat,
    seed: 42,
    requestHash: 'hash',
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    params: { temperature: 0 },
    output: pass === false ? 'Lyon' : 'Paris',
    toolCalls: [],
    finishReason: 'stop',
    usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    servedModel: `${model}-id`,
    systemFingerprint: null,
    responseId: 'resp',
    requestId: 'req',
    citations: [],
    latencyMs: 100,
    ttftMs: 40,
    attempts: 1,
    cached: false,
    cost: 0.001,
    rounds: [],
    turns: [],
    error: null,
    assertions: pass === null ? [] : [makeAssertion(pass)],
    graderCalls: [],
    pass,
    score: pass === null ? null : pass ? 1 : 0,
    ...overrides,
  };
}

/** An errored cell: no answer, not scored. */
export function makeErroredCell(overrides: Partial<CellRecord> = {}): CellRecord {
  return makeCell({
    pass: null,
    output: null,
    finishReason: null,
    usage: null,
    latencyMs: null,
    ttftMs: null,
    cost: null,
    attempts: 3,
    error: { code: 'OTE_API_SERVER', message: '500 upstream exploded', status: 500, raw: null },
    ...overrides,
  });
}

/** Gives cells their plan-order `index` in the order given. */
export function indexed(cells: CellRecord[]): CellRecord[] {
  return cells.map((cell, index) => ({ ...cell, index }));
}

/** The cells as the async iterable `writeReports` reads. */
export async function* stream(cells: Iterable<CellRecord>): AsyncGenerator<CellRecord> {
  for (const cell of cells) yield cell;
}

/** A fresh directory under the OS temp dir and its cleanup. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ote-report-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The files a run directory holds after `writeReports`, by name. */
export async function readRunDir(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  const entries = await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const));
  return Object.fromEntries(entries);
}
