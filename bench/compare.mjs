/**
 * Benchmark of `compare` at scale: two synthetic 100,000-cell results.json files (the runner's layout), read by
 * a fresh child process with compareRuns (the streaming results reader and the pure comparison) + renderCompareMarkdown.
 * Prints elapsed time (and CPU time, which a busy machine inflates less) and peak RSS against the targets
 * (under 3 s, under 300 MiB), with Node version, CPU count and load average.
 * Run after `npm run build`: `node bench/compare.mjs`, or import and call `run()`.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';

const CELLS = 100_000;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet', 'gemini-flash'];
const TARGET_SECONDS = 3;
const TARGET_MIB = 300;
const DIST = new URL('../dist/', import.meta.url);

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

/** The measured part, run in a fresh process so its peak RSS is the compare's alone. */
async function child(baseFile, headFile) {
  const { compareRuns } = await import(new URL('eval/index.js', DIST).href);
  const { renderCompareMarkdown } = await import(new URL('compare/index.js', DIST).href);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const { report } = await compareRuns(baseFile, headFile);
  const markdown = renderCompareMarkdown(report);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ seconds, cpuSeconds, maxRssMiB, verdict: report.verdict, flips: report.flips.length, markdownChars: markdown.length }),
  );
}

/** Writes the files, runs the child, and returns the report lines. */
export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'ote-bench-compare-'));
  try {
    const baseFile = join(dir, 'base.json');
    const headFile = join(dir, 'head.json');
    await Promise.all([writeResults(baseFile, 'base'), writeResults(headFile, 'head')]);
    const output = await new Promise((resolve, reject) => {
      execFile(process.execPath, [fileURLToPath(import.meta.url), '--child', baseFile, headFile], { maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`compare bench child failed: ${stderr.trim() || error.message}`)) : resolve(stdout),
      );
    });
    const result = JSON.parse(output);
    const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
    return [
      `compare: node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}, 2 x ${CELLS.toLocaleString('en-US')} cells`,
      `compare: read + compare + markdown ${result.seconds.toFixed(2)} s elapsed, ${result.cpuSeconds.toFixed(2)} s CPU (target < ${TARGET_SECONDS} s elapsed) ${verdict(result.seconds < TARGET_SECONDS)}`,
      `compare: peak RSS ${result.maxRssMiB.toFixed(0)} MiB (target < ${TARGET_MIB} MiB) ${verdict(result.maxRssMiB < TARGET_MIB)}`,
      `compare: verdict ${result.verdict}, ${result.flips} flips, markdown ${result.markdownChars} chars`,
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
if (isMain && process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else if (isMain) {
  for (const line of await run()) console.log(line);
}
