/**
 * Suite -> Plan: the exact list of requests a run makes, without any I/O. Cells are generated lazily from index
 * arithmetic, so a 100,000-row suite does not hold 100,000 rendered requests in memory.
 *
 * Order: for each prompt, for each case, for each repeat, for each model. Models are innermost so a run that
 * dispatches in plan order interleaves them, and one slow model does not starve the others.
 */
import { createHash } from 'node:crypto';
import type { AssertionSpec } from '../assert/index.js';
import type { ChatRequest } from '../client/index.js';
import { UsageError } from '../errors.js';
import { canonicalJson, renderDeep, renderTemplate } from '../suite/index.js';
import type { ModelSpec, Suite } from '../suite/index.js';
import { suggest } from '../assert/index.js';
import { cellId } from './cell-id.js';
import { compileFilter } from './glob.js';
import { chooseSeed, deriveSeed } from './seed.js';
import { isInShard, type Shard } from './shard.js';
import type { Cell, Plan } from './types.js';

/** What narrows a plan. */
export interface PlanOptions {
  /** Model labels (or ids) to keep. @default all */
  models?: string[];
  /** Glob over `prompt/case` ids. @default all */
  filter?: string;
  /** Keep only this shard. @default the whole plan */
  shard?: Shard | null;
  /** Samples per cell, overriding the suite's `repeat`. */
  repeat?: number;
}

/** Expands a suite into its plan. Throws `UsageError` for unknown models or a filter that matches nothing. */
export function buildPlan(suite: Suite, options: PlanOptions = {}): Plan {
  const models = selectModels(suite.models, options.models);
  const repeat = options.repeat ?? suite.repeat;
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError(`invalid --repeat ${repeat}: expected a whole number >= 1`);
  const matches = options.filter ? compileFilter(options.filter) : () => true;
  const rows: [number, number][] = [];
  suite.prompts.forEach((prompt, p) => {
    suite.cases.forEach((testCase, c) => {
      if (matches(prompt.id, testCase.id)) rows.push([p, c]);
    });
  });
  if (rows.length === 0) throw new UsageError(`--filter "${options.filter}" matches no prompt/case of ${suite.path}`);
  const shard = options.shard ?? null;
  const perRow = models.length;
  const totalCells = rows.length * repeat * perRow;

  const cellAt = (index: number): Cell => {
    const m = index % perRow;
    const unit = Math.floor(index / perRow);
    const r = unit % repeat;
    const [p, c] = rows[Math.floor(unit / repeat)]!;
    return makeCell(suite, suite.prompts[p]!, suite.cases[c]!, models[m]!, r, index);
  };
  function* cells(): Generator<Cell> {
    const units = rows.length * repeat;
    for (let unit = 0; unit < units; unit++) {
      if (!isInShard(unit, shard)) continue;
      for (let m = 0; m < perRow; m++) yield cellAt(unit * perRow + m);
    }
  }
  function* cellsOfModel(m: number): Generator<Cell> {
    const units = rows.length * repeat;
    for (let unit = 0; unit < units; unit++) if (isInShard(unit, shard)) yield cellAt(unit * perRow + m);
  }
  const hash = createHash('sha256');
  for (let index = 0; index < totalCells; index++) {
    const cell = cellAt(index);
    hash.update(`${cell.id}\0${cell.requestKey}\n`);
  }
  const shardUnits = shard ? Math.ceil((rows.length * repeat - (shard.index - 1)) / shard.count) : rows.length * repeat;
  return {
    suite,
    models,
    repeat,
    shard,
    hash: hash.digest('hex'),
    totalCells,
    cellCount: Math.max(0, shardUnits) * perRow,
    cells,
    cellsOfModel,
    cellAt,
  };
}

function selectModels(all: ModelSpec[], wanted: string[] | undefined): ModelSpec[] {
  if (!wanted || wanted.length === 0) return all;
  const selected: ModelSpec[] = [];
  for (const name of wanted) {
    const found = all.filter((model) => model.label === name || model.id === name);
    if (found.length === 0) {
      const hint = suggest(name, all.map((model) => model.label));
      throw new UsageError(`unknown model "${name}" in --models${hint ? ` (did you mean "${hint}"?)` : ''}: the suite has ${all.map((m) => m.label).join(', ')}`);
    }
    for (const model of found) if (!selected.includes(model)) selected.push(model);
  }
  return all.filter((model) => selected.includes(model));
}

/** Builds the request and the rendered assertions of one cell. */
function makeCell(suite: Suite, prompt: Suite['prompts'][number], testCase: Suite['cases'][number], model: ModelSpec, repeat: number, index: number): Cell {
  const params: Record<string, unknown> = { ...suite.defaults, ...model.params };
  const explicitSeed = testCase.seed ?? (model.params.seed as number | undefined) ?? (suite.defaults.seed as number | undefined);
  const seed = chooseSeed(explicitSeed, deriveSeed(suite.seed, prompt.id, testCase.id, repeat), repeat);
  params.seed = seed;
  for (const name of model.omit) delete params[name];
  const request: ChatRequest = {
    model: model.id,
    messages: prompt.messages.map((message) => ({ role: message.role, content: renderTemplate(message.content, testCase.vars) })),
  };
  for (const key of Object.keys(params).sort()) if (params[key] !== undefined) request[key] = params[key];
  const assertions: AssertionSpec[] = [...suite.assert, ...prompt.assert, ...testCase.assert].map((spec) => renderDeep(spec, testCase.vars));
  return {
    index,
    id: cellId(prompt.id, testCase.id, model.label, repeat),
    prompt: prompt.id,
    case: testCase.id,
    model: model.label,
    modelId: model.id,
    repeat,
    seed: 'seed' in request ? seed : null,
    request,
    requestKey: canonicalJson(request),
    assertions,
    threshold: testCase.threshold ?? suite.threshold,
    vars: testCase.vars,
    position: testCase.position,
  };
}
