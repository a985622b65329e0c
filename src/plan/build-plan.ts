/**
 * Suite -> Plan: the exact list of requests a run makes, without any I/O. Cells are generated lazily from index
 * arithmetic, so a 100,000-row suite does not hold 100,000 rendered requests in memory.
 *
 * Order: for each prompt, for each case, for each repeat, for each model. Models are innermost so a run that
 * dispatches in plan order interleaves them, and one slow model does not starve the others.
 */
import { createHash } from 'node:crypto';
import { parseTransform, type AssertionSpec, type Transform } from '../assert/index.js';
import type { ChatRequest } from '../wire/index.js';
import { optionRef, UsageError } from '../errors.js';
import { canonicalJson, deepTemplateVariables, renderDeep } from '../suite/index.js';
import type { CaseSpec, ModelSpec, PairwiseSpec, PromptSpec, Suite } from '../suite/index.js';
import { planPairwise } from './pairwise-plan.js';
import { didYouMean } from '../suggest.js';
import { cellId } from './cell-id.js';
import { compileFilter } from './glob.js';
import { compileRequest, makeRequest, makeRequestKey, renderContent, renderMessages, type RenderedMessages } from './request.js';
import { deriveSeed } from './seed.js';
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
  /** Pairwise judging instead of the suite's own (a run flag). @default the suite's `pairwise` */
  pairwise?: PairwiseSpec | null;
}

/** Expands a suite into its plan. Throws `UsageError` for unknown models or a filter that matches nothing. */
export function buildPlan(suite: Suite, options: PlanOptions = {}): Plan {
  const models = selectModels(suite.models, options.models);
  const repeat = options.repeat ?? suite.repeat;
  if (!Number.isInteger(repeat) || repeat < 1) throw new UsageError(`invalid ${optionRef('repeat')} ${repeat}: expected a whole number >= 1`);
  const matches = options.filter ? compileFilter(options.filter) : () => true;
  const rows: [number, number][] = [];
  suite.prompts.forEach((prompt, p) => {
    suite.cases.forEach((testCase, c) => {
      if (matches(prompt.id, testCase.id)) rows.push([p, c]);
    });
  });
  if (rows.length === 0) throw new UsageError(`${optionRef('filter')} "${options.filter}" matches no prompt/case of ${suite.path}`);
  const shard = options.shard ?? null;
  const perRow = models.length;
  const units = rows.length * repeat;
  const totalCells = units * perRow;
  // Tools come from the suite, the model and the prompt, so each (model, prompt) pair has its own parameters.
  const requests = models.map((model) => suite.prompts.map((prompt) => compileRequest(suite, model, prompt)));
  const assertions = suite.prompts.map((prompt) => compileAssertions([...suite.assert, ...prompt.assert]));
  const imageUrls: ReadonlyMap<string, string> = new Map([...suite.images.values()].map((image) => [image.sha256, image.dataUrl]));
  const transforms = suite.prompts.map((prompt) => transformOf(prompt));

  /** The derived seed of a unit (prompt × case × repeat); every model of the unit shares it. */
  const deriveUnitSeed = (unit: number): number => {
    const [p, c] = rows[Math.floor(unit / repeat)]!;
    return deriveSeed(suite.seed, suite.prompts[p]!.id, suite.cases[c]!.id, unit % repeat);
  };
  // Each seed is a sha256; the hash pass below derives every one, so they are kept (4 bytes a unit) rather than
  // derived again for every cell each lane of a run builds.
  const seeds = new Uint32Array(units);
  const seedOf = (unit: number): number => seeds[unit]!;
  const cellOf = (unit: number, m: number, derivedSeed: number, rendered?: RenderedMessages): Cell => {
    const [p, c] = rows[Math.floor(unit / repeat)]!;
    const prompt = suite.prompts[p]!;
    const testCase = suite.cases[c]!;
    const made = makeRequest(prompt, testCase, models[m]!, requests[m]![p]!, derivedSeed, unit % repeat, rendered ?? renderedOf(unit));
    return makeCell(suite, prompt, testCase, models[m]!, unit % repeat, unit * perRow + m, made, assertions[p]!, imageUrls, transforms[p]!);
  };
  const renderedOf = (unit: number): RenderedMessages => {
    const [p, c] = rows[Math.floor(unit / repeat)]!;
    return renderMessages(suite.prompts[p]!, suite.cases[c]!, suite.images);
  };
  const cellAt = (index: number): Cell => {
    const unit = Math.floor(index / perRow);
    return cellOf(unit, index % perRow, seedOf(unit));
  };
  function* cells(): Generator<Cell> {
    for (let unit = 0; unit < units; unit++) {
      if (!isInShard(unit, shard)) continue;
      const derivedSeed = seedOf(unit);
      // The messages depend on the prompt and case only: rendered once for all models of the unit.
      const rendered = renderedOf(unit);
      for (let m = 0; m < perRow; m++) yield cellOf(unit, m, derivedSeed, rendered);
    }
  }
  function* cellsOfModel(m: number): Generator<Cell> {
    for (let unit = 0; unit < units; unit++) if (isInShard(unit, shard)) yield cellOf(unit, m, seedOf(unit));
  }
  // The hash needs only ids and requests, so it skips the assertions and builds no Cell.
  const hash = createHash('sha256');
  for (let unit = 0; unit < units; unit++) {
    const [p, c] = rows[Math.floor(unit / repeat)]!;
    const prompt = suite.prompts[p]!;
    const testCase = suite.cases[c]!;
    const derivedSeed = deriveUnitSeed(unit);
    seeds[unit] = derivedSeed;
    const rendered = renderMessages(prompt, testCase, suite.images);
    for (let m = 0; m < perRow; m++) {
      const requestKey = makeRequestKey(testCase, models[m]!, requests[m]![p]!, derivedSeed, unit % repeat, rendered);
      hash.update(`${cellId(prompt.id, testCase.id, models[m]!.label, unit % repeat)}\0${requestKey}\n`);
      // Later turns and canned results change what a cell sends after its first request.
      if (testCase.turns.length > 1 || hasToolResults(prompt, testCase)) hash.update(`${canonicalJson([testCase.turns, prompt.toolResults, testCase.toolResults])}\n`);
    }
  }
  const pairwiseSpec = options.pairwise ?? suite.pairwise;
  // Judgments are part of what the run makes: another rubric or judge is another plan, so resume notices.
  if (pairwiseSpec) hash.update(`pairwise\0${canonicalJson(pairwiseSpec)}\n`);
  const pairwise = planPairwise(pairwiseSpec, {
    models,
    units,
    repeat,
    rowOf: (unit) => {
      const [p, c] = rows[Math.floor(unit / repeat)]!;
      return { prompt: suite.prompts[p]!.id, case: suite.cases[c]!.id };
    },
    isInShard: (unit) => isInShard(unit, shard),
  });
  const shardUnits = shard ? Math.ceil((units - (shard.index - 1)) / shard.count) : units;
  return {
    suite,
    models,
    repeat,
    shard,
    options: { models: options.models?.length ? [...options.models] : null, filter: options.filter ?? null, shard, repeat: options.repeat ?? null, pairwise: options.pairwise ?? null },
    hash: hash.digest('hex'),
    totalCells,
    cellCount: Math.max(0, shardUnits) * perRow,
    cells,
    cellsOfModel,
    cellAt,
    pairwise,
  };
}

function selectModels(all: ModelSpec[], wanted: string[] | undefined): ModelSpec[] {
  if (!wanted || wanted.length === 0) return all;
  const selected: ModelSpec[] = [];
  for (const name of wanted) {
    const found = all.filter((model) => model.label === name || model.id === name);
    if (found.length === 0) {
      const labels = all.map((model) => model.label);
      throw new UsageError(`unknown model "${name}" in ${optionRef('models')}${didYouMean(name, labels)}: the suite has ${labels.join(', ')}`);
    }
    for (const model of found) if (!selected.includes(model)) selected.push(model);
  }
  return all.filter((model) => selected.includes(model));
}

/** A prompt's transform, normalised; the suite loader has validated it, so a problem here is a bug. */
function transformOf(prompt: PromptSpec): Transform | null {
  if (prompt.transform === null) return null;
  const transform = parseTransform(prompt.transform);
  if ('problem' in transform) throw new TypeError(`prompt ${prompt.id}: invalid transform: ${transform.problem}`);
  return transform;
}

/** Assertions with their templated ones marked, so specs without `{{ }}` are shared rather than copied per cell. */
function compileAssertions(specs: AssertionSpec[]): { spec: AssertionSpec; isTemplated: boolean }[] {
  return specs.map((spec) => ({ spec, isTemplated: deepTemplateVariables(spec).size > 0 }));
}

/** Whether a spec has placeholders, remembered per spec object (data files share one per distinct `__expected`). */
const templatedSpecs = new WeakMap<AssertionSpec, boolean>();

/** True when rendering `spec` could change it; untemplated specs are shared by every cell instead of copied. */
function isTemplatedSpec(spec: AssertionSpec): boolean {
  let isTemplated = templatedSpecs.get(spec);
  if (isTemplated === undefined) {
    isTemplated = deepTemplateVariables(spec).size > 0;
    templatedSpecs.set(spec, isTemplated);
  }
  return isTemplated;
}

/** Shared by the cells without canned results; never mutated. */
const NO_TOOL_RESULTS: Cell['toolResults'] = Object.freeze({}) as Cell['toolResults'];

/** True when the prompt or the case gives canned tool results. */
function hasToolResults(prompt: PromptSpec, testCase: CaseSpec): boolean {
  for (const _ in prompt.toolResults) return true;
  for (const _ in testCase.toolResults) return true;
  return false;
}

/** Builds one cell around its request, with the assertions rendered for its case. */
function makeCell(
  suite: Suite,
  prompt: PromptSpec,
  testCase: CaseSpec,
  model: ModelSpec,
  repeat: number,
  index: number,
  { request, seed, requestKey }: { request: ChatRequest; seed: number; requestKey: string },
  shared: { spec: AssertionSpec; isTemplated: boolean }[],
  images: ReadonlyMap<string, string>,
  transform: Transform | null,
): Cell {
  const render = (spec: AssertionSpec) => (isTemplatedSpec(spec) ? renderDeep(spec, testCase.vars) : spec);
  const assertions: AssertionSpec[] = shared.map(({ spec, isTemplated }) => (isTemplated ? renderDeep(spec, testCase.vars) : spec));
  for (const spec of testCase.assert) assertions.push(render(spec));
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
    requestKey,
    assertions,
    threshold: testCase.threshold ?? suite.threshold,
    transform,
    vars: testCase.vars,
    images,
    toolResults: hasToolResults(prompt, testCase) ? { ...prompt.toolResults, ...testCase.toolResults } : NO_TOOL_RESULTS,
    maxToolRounds: prompt.maxToolRounds ?? suite.maxToolRounds,
    turns: testCase.turns.map((turn) => ({ content: renderContent(turn.content, testCase.vars, suite.images), assertions: turn.assert.map(render) })),
    position: testCase.position,
  };
}
