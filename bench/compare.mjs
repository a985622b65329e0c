/**
 * Benchmark of `compare` at scale: two synthetic 100,000-cell results.json files (the runner's layout), compared
 * by the CLI as users run it (`node dist/cli/main.js compare base head`, whole process, text output), three
 * times. Prints the median elapsed time, the CPU time (which a busy machine inflates less) and the peak RSS
 * against the targets of issue 15 (under 1.5 s, under 200 MiB) with their ratios, and the load average.
 * Run after `npm run build`: `node bench/compare.mjs`, or import and call `run()`.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { load, measureProcess, median } from './measure-process.mjs';

const CELLS = 100_000;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet', 'gemini-flash'];
const TARGET_SECONDS = 1.5;
const TARGET_MIB = 200;
const ROUNDS = 3;
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

/** A deterministic pseudo-random stream (mulberry32), so every run writes the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function meta(side) {
  return {
    version: 2,
    tool: { name: 'onetoken-eval', version: '0.0.0-bench' },
    suite: { name: 'bench', path: 'suites/bench.yaml', hash: 'suite-hash' },
    planHash: 'plan-hash',
    planCells: CELLS,
    cells: CELLS,
    shard: null,
    models: MODELS,
    plan: { models: null, filter: null, shard: null, repeat: null },
    baseUrl: 'http://127.0.0.1:0/v1',
    startedAt: side === 'base' ? '2025-01-01T00:00:00.000Z' : '2025-01-02T00:00:00.000Z',
  };
}

/** One cell record; the head flips about 3% of cells and regresses one model by a few points. */
function record(index, side, rand) {
  const model = MODELS[index % MODELS.length];
  const kase = `case-${Math.floor(index / MODELS.length)}`;
  const basePass = rand() < 0.8;
  const flip = rand() < (model === 'gpt-4o-mini' ? 0.06 : 0.03);
  const pass = side === 'base' ? basePass : flip ? !basePass : basePass;
  const answer = `${pass ? 'The answer is Paris' : 'The answer is Lyon'}, because ${'the capital city of the country named in the question '.repeat(4)}(${index}).`;
  return {
    id: `ask/${kase}/${model}#0`,
    index,
    prompt: 'ask',
    case: kase,
    model,
    modelId: model,
    repeat: 0,
    seed: 42,
    requestHash: `sha256-${index.toString(16).padStart(12, '0')}`,
    messages: [{ role: 'user', content: `Question ${index}: what is the capital of France?` }],
    params: { max_tokens: 256, temperature: 0 },
    output: answer,
    toolCalls: [],
    finishReason: 'stop',
    usage: { promptTokens: 20, completionTokens: 60, totalTokens: 80 },
    servedModel: `${model}-2024-08-06`,
    systemFingerprint: side === 'base' ? 'fp_base' : model === 'gpt-4o' ? 'fp_new' : 'fp_base',
    responseId: `chatcmpl-${index}`,
    requestId: `req-${index}`,
    citations: [],
    latencyMs: Math.round(200 + rand() * 800),
    ttftMs: 80,
    attempts: 1,
    cached: false,
    cost: 0.0004,
    rounds: [],
    turns: [],
    error: null,
    assertions: [{ type: 'contains', pass, score: pass ? 1 : 0, reason: pass ? "contains 'Paris'" : "expected to contain 'Paris', got 'The answer is Lyon…'", weight: 1, metric: null, error: null }],
    graderCalls: [],
    pass,
    score: pass ? 1 : 0,
  };
}

/** Writes results.json in the runner's layout, one compact record per line. */
async function writeResults(file, side) {
  const out = createWriteStream(file);
  const rand = random(7);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"version": 1, "run": ${JSON.stringify(meta(side))},\n"cells": [\n`);
  for (let index = 0; index < CELLS; index++) {
    await write(`${JSON.stringify(record(index, side, rand))}${index < CELLS - 1 ? ',' : ''}\n`);
  }
  await write(`],\n"summary": {\n  "cells": ${CELLS}\n}\n}\n`);
  out.end();
  await once(out, 'finish');
}

/** Writes the files, runs the CLI on them, and returns the report lines. */
export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'ote-bench-compare-'));
  try {
    const baseFile = join(dir, 'base.json');
    const headFile = join(dir, 'head.json');
    await Promise.all([writeResults(baseFile, 'base'), writeResults(headFile, 'head')]);
    const loadBefore = load();
    const rounds = [];
    // compare exits 1 when it finds a regression, which these files have.
    for (let round = 0; round < ROUNDS; round++) rounds.push(await measureProcess([CLI, 'compare', baseFile, headFile], { okCodes: [1] }));
    const seconds = median(rounds.map((r) => r.seconds));
    const cpuSeconds = median(rounds.map((r) => r.cpuSeconds));
    const maxRssMiB = Math.max(...rounds.map((r) => r.maxRssMiB));
    const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
    const flips = /flips \((\d+)\)/.exec(rounds[0].stdout)?.[1] ?? '?';
    return [
      `compare: node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore} before, ${load()} after; 2 x ${CELLS.toLocaleString('en-US')} cells, whole process, median of ${ROUNDS}`,
      `compare: ${seconds.toFixed(2)} s elapsed, ${cpuSeconds.toFixed(2)} s CPU (target < ${TARGET_SECONDS} s elapsed, ratio ${(seconds / TARGET_SECONDS).toFixed(2)}) ${verdict(seconds < TARGET_SECONDS)}`,
      `compare: peak RSS ${maxRssMiB.toFixed(0)} MiB (target < ${TARGET_MIB} MiB, ratio ${(maxRssMiB / TARGET_MIB).toFixed(2)}) ${verdict(maxRssMiB < TARGET_MIB)}`,
      `compare: ${flips} flips, exit code ${rounds[0].code}`,
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the lines of `run()` say a target was missed. */
export function isOverTarget(lines) {
  return lines.some((line) => line.endsWith(' OVER TARGET'));
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  for (const line of await run()) console.log(line);
}
