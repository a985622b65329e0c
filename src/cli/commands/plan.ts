/** `onetoken-eval plan <suite...>`: cells and requests per model, the first expanded requests, or the whole plan as JSON. */
import { once } from 'node:events';
import { ExitCode } from '../../errors.js';
import { contentText } from '../../wire/index.js';
import { buildPlan, type Cell, type Plan } from '../../plan/index.js';
import { loadSuites } from '../../suite/index.js';
import { resolveShard } from '../shard-option.js';
import { handleSuiteWarnings } from '../suite-warnings.js';
import type { OptionValues } from '../options.js';
import { isModelGraded } from '../../assert/index.js';

/** Requests a cell makes: its own plus one per model-graded assertion. */
function requestsOf(cell: Cell): number {
  return 1 + cell.assertions.filter(isModelGraded).length;
}

/** Plans suites and prints them. */
export async function planCommand(paths: string[], options: OptionValues): Promise<number> {
  const shard = resolveShard(options.shard, options.shardTotal, process.env);
  const suites = loadSuites(paths, { allowOutsidePaths: options.allowOutsidePaths });
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
  const width = Math.max(5, ...plan.models.map((model) => model.label.length));
  lines.push(`  ${'model'.padEnd(width)}  ${'cells'.padStart(8)}  ${'requests'.padStart(8)}`);
  let cells = 0;
  let requests = 0;
  for (const [label, counts] of perModel) {
    lines.push(`  ${label.padEnd(width)}  ${String(counts.cells).padStart(8)}  ${String(counts.requests).padStart(8)}`);
    cells += counts.cells;
    requests += counts.requests;
  }
  lines.push(`  ${'total'.padEnd(width)}  ${String(cells).padStart(8)}  ${String(requests).padStart(8)}`, '');
  for (const cell of first) {
    lines.push(`  ${cell.id}  seed ${cell.seed ?? '(omitted)'}`);
    const { messages, model, ...params } = cell.request;
    lines.push(`    model ${model} ${JSON.stringify(params)}`);
    for (const message of messages) lines.push(`    ${message.role}: ${contentText(message.content).replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** Streams `{"plans":[{…, "cells":[…]}]}` one cell per line, so a 100,000-cell plan never sits in memory as text. */
async function writeJsonPlans(plans: Plan[]): Promise<void> {
  const write = async (text: string) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  };
  await write('{"plans": [\n');
  for (const [p, plan] of plans.entries()) {
    const head = { suite: plan.suite.path, name: plan.suite.name, hash: plan.hash, repeat: plan.repeat, shard: plan.shard, totalCells: plan.totalCells, cellCount: plan.cellCount, models: plan.models.map((m) => m.label) };
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
