/**
 * Speed and memory of loading and planning a large suite: writes a 10,000-row and a 100,000-row CSV (two
 * variables, an `__expected` column) with a suite of one prompt and two models into a temp dir, then, each size
 * in a fresh child process, runs `loadSuite` (what `validate` does) + `buildPlan` (which hashes every cell; the
 * hash is read) and then iterates every cell of the plan from dist/. Prints elapsed ms and peak RSS of both and
 * their RSS ratio, with the load average.
 * Targets (issue 15): validate + plan of 100k rows in under 1 s (the iteration, which a run does as it sends, is
 * printed apart); memory proportional to the data (the plan itself is lazy, so the 100k / 10k RSS ratio stays
 * well under the 10x growth of the data).
 *
 * Run after `npm run build`: `node bench/plan.mjs`, or `run()` from bench/index.mjs. To profile the children,
 * `NODE_OPTIONS=--cpu-prof node bench/plan.mjs` (they inherit the environment).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [10_000, 100_000];
const MAX_MS_100K = 1000;
/** The data grows 10x; a plan that held every rendered cell would grow as much or more. */
const MAX_RATIO = 10;
const MIB = 1024 * 1024;
const COUNTRIES = ['France', 'Japan', 'Peru', 'Kenya', 'Canada', 'Norway', 'Chile', 'Egypt', 'India', 'Spain'];

const here = fileURLToPath(import.meta.url);
const distSuite = new URL('../dist/suite/index.js', import.meta.url);
const distPlan = new URL('../dist/plan/index.js', import.meta.url);

/** Runs both sizes in child processes and returns the lines to print. */
export async function run() {
  const lines = [`plan bench: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`];
  const dir = await mkdtemp(join(tmpdir(), 'ote-plan-bench-'));
  try {
    const results = [];
    for (const rows of SIZES) {
      const suitePath = await writeSuite(dir, rows);
      const result = await measureInChild(suitePath);
      results.push(result);
      const rate = Math.round(result.cells / (result.ms / 1000));
      lines.push(`plan ${format(rows)} rows (${format(result.cells)} cells): ${Math.round(result.ms)} ms (load ${Math.round(result.loadMs)}, plan ${Math.round(result.planMs)}, iterate ${Math.round(result.iterateMs)}), CPU ${Math.round(result.cpuMs)} ms, ${format(rate)} cells/s, peak RSS ${result.maxRssMiB.toFixed(1)} MiB`);
    }
    const [small, large] = results;
    const ratio = large.maxRssMiB / small.maxRssMiB;
    const validatePlanMs = large.loadMs + large.planMs;
    lines.push(`validate + plan at 100k rows: ${Math.round(validatePlanMs)} ms, CPU ${Math.round(large.cpuPlanMs)} ms (target < ${MAX_MS_100K} ms, ratio ${(validatePlanMs / MAX_MS_100K).toFixed(2)}; load average ${loadavg()[0].toFixed(2)}) ${validatePlanMs < MAX_MS_100K ? 'ok' : 'OVER'}`);
    lines.push(`plan RSS ratio 100k / 10k rows: ${ratio.toFixed(2)} (target < ${MAX_RATIO}, memory proportional to the data) ${ratio < MAX_RATIO ? 'ok' : 'OVER'}`);
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the lines of `run()` say a target was missed. */
export function isOverTarget(lines) {
  return lines.some((line) => line.endsWith(' OVER'));
}

/** Writes `rows` rows of data and a suite over them; returns the suite's path. */
async function writeSuite(dir, rows) {
  const lines = ['country,year,__expected'];
  for (let row = 0; row < rows; row++) {
    const country = COUNTRIES[row % COUNTRIES.length];
    lines.push(`${country} ${row},${1900 + (row % 125)},icontains:${country}`);
  }
  await writeFile(join(dir, `rows-${rows}.csv`), `${lines.join('\n')}\n`);
  const suite = [
    `name: plan-bench-${rows}`,
    'models:',
    '  - gpt-4o-mini',
    '  - id: gpt-4o-mini-search-preview',
    '    label: mini-search',
    '    omit: [temperature]',
    'defaults:',
    '  temperature: 0',
    '  max_tokens: 50',
    'prompts:',
    '  - id: history',
    '    template: "Name one event in {{ country }} in {{ year }}."',
    'cases:',
    `  - file: rows-${rows}.csv`,
    'assert:',
    '  - type: length',
    '    max: 400',
    '',
  ];
  const suitePath = join(dir, `plan-bench-${rows}.yaml`);
  await writeFile(suitePath, suite.join('\n'));
  return suitePath;
}

function measureInChild(suitePath) {
  return new Promise((resolve, reject) => {
    // No process.execArgv: under `node -e` it holds the caller's script, and each child would run the bench again.
    const child = spawn(process.execPath, [here, '--child', suitePath], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => (stdout += text));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`plan bench child for ${suitePath} exited with ${code}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The child: loads, plans and iterates one suite, and prints its timings and peak RSS as JSON. */
async function child(suitePath) {
  let suiteModule;
  let planModule;
  try {
    suiteModule = await import(distSuite.href);
    planModule = await import(distPlan.href);
  } catch (error) {
    throw new Error(`cannot load dist/: run "npm run build" first (${error.message})`);
  }
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const suite = suiteModule.loadSuite(suitePath);
  const loaded = performance.now();
  const plan = planModule.buildPlan(suite);
  if (typeof plan.hash !== 'string') throw new Error('the plan has no hash');
  const planned = performance.now();
  const cpuPlanned = process.cpuUsage(cpuStarted);
  let cells = 0;
  let bytes = 0;
  for (const cell of plan.cells()) {
    cells++;
    bytes += cell.requestKey.length;
  }
  const done = performance.now();
  if (cells !== plan.cellCount || bytes === 0) throw new Error(`iterated ${cells} cells, plan says ${plan.cellCount}`);
  // CPU time as well as wall time: on a busy machine wall time measures the neighbours too.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // maxRSS is in kilobytes (KiB) on every platform Node supports.
  const maxRssMiB = (process.resourceUsage().maxRSS * 1024) / MIB;
  process.stdout.write(`${JSON.stringify({ cells, ms: done - started, cpuMs, cpuPlanMs: (cpuPlanned.user + cpuPlanned.system) / 1000, loadMs: loaded - started, planMs: planned - loaded, iterateMs: done - planned, maxRssMiB })}\n`);
}

function format(number) {
  return number.toLocaleString('en-US');
}

if (process.argv[1] === here) {
  if (process.argv[2] === '--child') {
    await child(process.argv[3]);
  } else {
    for (const line of await run()) console.log(line);
  }
}
