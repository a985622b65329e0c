/** `onetoken-eval plan <suite...>`: cells and requests per model, the first expanded requests, or the whole plan as JSON. */
import { once } from 'node:events';
import { ExitCode } from '../../errors.js';
import { contentText } from '../../wire/index.js';
import { buildPlan, CHARS_PER_TOKEN, estimatePlanCost, type Cell, type Plan, type PlanCostEstimate } from '../../plan/index.js';
import { formatCost, formatCount } from '../../report/index.js';
import { loadSuites } from '../../suite/index.js';
import { resolveShard } from '../shard-option.js';
import { handleSuiteWarnings } from '../suite-warnings.js';
import { suiteOptionsOf, type OptionValues } from '../options.js';
import { isModelGraded } from '../../assert/index.js';

/** Requests a cell makes: its own plus one per model-graded assertion. */
function requestsOf(cell: Cell): number {
  return 1 + cell.assertions.filter(isModelGraded).length;
}

/** Plans suites and prints them. */
export async function planCommand(paths: string[], options: OptionValues): Promise<number> {
  const shard = resolveShard(options.shard, options.shardTotal, process.env);
  const suites = loadSuites(paths, suiteOptionsOf(options));
  handleSuiteWarnings(suites, Boolean(options.strict), (line) => process.stderr.write(`onetoken-eval: ${line}\n`));
  const plans = suites.map((suite) =>
    buildPlan(suite, { models: options.models, filter: options.filter, shard, repeat: options.repeat }),
  );
  if (options.json) {
    await writeJsonPlans(plans);
    return ExitCode.ok;
  }
  for (const plan of plans) process.stdout.write(describePlan(plan, options.limit ?? 3));
  return ExitCode.ok;
}

function describePlan(plan: Plan, limit: number): string {
  const perModel = new Map(plan.models.map((model) => [model.label, { cells: 0, requests: 0 }]));
  const first: Cell[] = [];
  for (const cell of plan.cells()) {
    const counts = perModel.get(cell.model)!;
    counts.cells++;
    counts.requests += requestsOf(cell);
    if (first.length < limit) first.push(cell);
  }
  const lines = [`${plan.suite.path} (${plan.suite.name})${plan.shard ? ` shard ${plan.shard.index}/${plan.shard.count}` : ''}`, `  plan ${plan.hash.slice(0, 12)}, repeat ${plan.repeat}`];
  // The cost column only when the suite prices something: without pricing there is nothing to estimate.
  const estimate = Object.keys(plan.suite.pricing).length > 0 ? estimatePlanCost(plan) : null;
  const costOf = (value: number | null, isUnbounded: boolean) => (value === null ? '-' : `${isUnbounded ? '>= ' : ''}${formatCost(value)}`);
  const width = Math.max(5, ...plan.models.map((model) => model.label.length));
  const header = [`  ${'model'.padEnd(width)}`, 'cells'.padStart(8), 'requests'.padStart(8)];
  if (estimate) header.push('est. cost'.padStart(12));
  lines.push(header.join('  '));
  let cells = 0;
  let requests = 0;
  for (const [index, [label, counts]] of [...perModel].entries()) {
    const row = [`  ${label.padEnd(width)}`, formatCount(counts.cells).padStart(8), formatCount(counts.requests).padStart(8)];
    const model = estimate?.models[index];
    if (model) row.push(costOf(model.cost, model.maxCompletionTokens === null).padStart(12));
    lines.push(row.join('  '));
    cells += counts.cells;
    requests += counts.requests;
  }
  const total = [`  ${'total'.padEnd(width)}`, formatCount(cells).padStart(8), formatCount(requests).padStart(8)];
  if (estimate) total.push(costOf(estimate.cost, estimate.isUnbounded).padStart(12));
  lines.push(total.join('  '));
  if (estimate) lines.push(...estimateNotes(estimate, requests > cells));
  lines.push('');
  for (const cell of first) {
    lines.push(`  ${cell.id}  seed ${cell.seed ?? '(omitted)'}`);
    const { messages, model, ...params } = cell.request;
    lines.push(`    model ${model} ${JSON.stringify(params)}`);
    for (const message of messages) lines.push(`    ${message.role}: ${contentText(message.content).replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** What the estimate is and leaves out, said every time it is shown: it is not a quote. */
function estimateNotes(estimate: PlanCostEstimate, hasGraders: boolean): string[] {
  const notes = [`  est. cost: an estimate from the suite's pricing: prompt tokens ~ characters / ${CHARS_PER_TOKEN} of the rendered messages, completion tokens at most max_tokens`];
  if (estimate.isUnbounded) notes.push('    ">=": some requests set no max_tokens, so their completions are not counted; set max_tokens to bound them');
  const unpriced = estimate.models.filter((model) => model.cost === null).map((model) => model.modelId);
  if (unpriced.length > 0) notes.push(`    "-": no pricing for ${unpriced.join(', ')}; the total leaves ${unpriced.length === 1 ? 'it' : 'them'} out`);
  if (hasGraders) notes.push('    grader requests (llm-rubric) are not included: their size depends on the answers');
  return notes;
}

/** Streams `{"plans":[{…, "cells":[…]}]}` one cell per line, so a 100,000-cell plan never sits in memory as text. */
async function writeJsonPlans(plans: Plan[]): Promise<void> {
  const write = async (text: string) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  await write('{"plans": [\n');
  for (const [p, plan] of plans.entries()) {
    const head = { suite: plan.suite.path, name: plan.suite.name, hash: plan.hash, repeat: plan.repeat, shard: plan.shard, totalCells: plan.totalCells, cellCount: plan.cellCount, models: plan.models.map((m) => m.label), estimatedCost: Object.keys(plan.suite.pricing).length > 0 ? estimatePlanCost(plan) : null };
    await write(`${JSON.stringify(head).slice(0, -1)}, "cells": [\n`);
    let first = true;
    for (const cell of plan.cells()) {
      const { requestKey: _key, vars: _vars, position, ...rest } = cell;
      await write(`${first ? '' : ',\n'}${JSON.stringify({ ...rest, position: `${position.file}:${position.line}` })}`);
      first = false;
    }
    await write(`\n]}${p < plans.length - 1 ? ',' : ''}\n`);
  }
  await write(']}\n');
}
