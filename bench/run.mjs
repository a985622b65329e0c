/**
 * Client and runner speed, each as a ratio to a bare undici request loop measured in the same run on the same
 * mock server (started in its own process so it does not share an event loop with what is measured):
 *   client  latency 0, N=2000, C=20: client throughput / bare loop throughput          target >= 0.9
 *   (a)     latency 0, N=2000, C=20: run throughput / bare loop throughput             target >= 0.8
 *   (b)     latency 200 ms, N=1000, C=50: run wall time / bare loop wall time          target <= 1.05
 *           (both also / the ideal ceil(N/C) * L)
 *   (c)     peak RSS of a 100,000-cell run (mock at latency 0) and its ratio to 10,000  target <= 200 MiB, <= 1.5
 *   (d)     cold start of `onetoken-eval validate` / `node -e 0`                         target <= 3
 * The machine is shared, so every ratio is taken within one run: throughput ratios are medians over rounds that
 * each measure the bare loop beside what is compared with it, and the cold start alternates the two commands.
 * Run after `npm run build`: `node bench/run.mjs`, or `run()` from bench/index.mjs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Pool } from 'undici';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;
const MIB = 1024 * 1024;

/** Starts `dist/mock/main.js` in a child process; resolves with its URL and a stop function. */
async function startMockProcess(latencyMs) {
  const child = spawn(process.execPath, [join(root, 'dist/mock/main.js'), '--port', '0', '--latency-ms', String(latencyMs), '--no-log'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.split('\n')[0].trim());
    });
    child.on('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
  return { url, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) };
}

function body(i) {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `What is the capital of country number ${i}?` }], seed: i, temperature: 0 };
}

/** N requests, C at a time, through a bare undici Pool: the ceiling any client can reach. */
async function bareLoop(url, n, c) {
  const base = new URL(url);
  const pool = new Pool(base.origin, { connections: c });
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) {
      const i = next++;
      const response = await pool.request({ method: 'POST', path: `${base.pathname}/chat/completions`, headers: { authorization: 'Bearer bench', 'content-type': 'application/json' }, body: JSON.stringify(body(i)) });
      await response.body.json();
    }
  }));
  const ms = performance.now() - start;
  await pool.close();
  return ms;
}

/** The same through our client. */
async function clientLoop(url, n, c) {
  const { createClient } = await import(dist('client/index.js'));
  const client = createClient({ baseUrl: url, apiKey: 'bench', connections: c });
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) {
      const i = next++;
      await client.complete(body(i), { cellId: `bench-${i}` });
    }
  }));
  const ms = performance.now() - start;
  await client.close();
  return ms;
}

/** Writes a suite with `cases` cases of one prompt and `models` models; returns its path. */
function writeSuite(dir, cases, models = 1) {
  const rows = ['country'];
  for (let i = 0; i < cases; i++) rows.push(`Country${i}`);
  writeFileSync(join(dir, 'data.csv'), `${rows.join('\n')}\n`);
  const modelIds = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini'].slice(0, models);
  writeFileSync(join(dir, 'suite.yaml'), [
    'name: bench',
    `models: [${modelIds.join(', ')}]`,
    'defaults: { temperature: 0 }',
    'prompts:',
    '  - id: capital',
    '    template: "What is the capital of {{ country }}?"',
    'cases:',
    '  - file: data.csv',
    'assert:',
    '  - type: length',
    '    max: 400',
  ].join('\n'));
  return join(dir, 'suite.yaml');
}

/** Runs a suite through the library pipeline (run + reports), no cache; returns wall ms. */
async function runLoop(url, suitePath, c, outDir) {
  const { loadSuite } = await import(dist('suite/index.js'));
  const { buildPlan } = await import(dist('plan/index.js'));
  const { executeRun, journalRecords } = await import(dist('run/index.js'));
  const { writeReports } = await import(dist('report/index.js'));
  const { createClient } = await import(dist('client/index.js'));
  const plan = buildPlan(loadSuite(suitePath));
  const client = createClient({ baseUrl: url, apiKey: 'bench', connections: c });
  const start = performance.now();
  const result = await executeRun(plan, { runDir: outDir, client, baseUrl: url, endpoint: url, cache: null, useCache: false, concurrency: c, toolVersion: 'bench', startedAt: new Date(0) });
  await writeReports(outDir, result.meta, journalRecords(outDir));
  const ms = performance.now() - start;
  await client.close();
  if (result.outcome.recorded !== plan.cellCount) throw new Error(`only ${result.outcome.recorded} of ${plan.cellCount} cells recorded`);
  return ms;
}

/** (c): a run of `cases` cells in a fresh child process; returns its peak RSS in bytes. */
function rssInChild(url, cases, dir) {
  const script = `
    const { loadSuite } = await import(${JSON.stringify(dist('suite/index.js'))});
    const { buildPlan } = await import(${JSON.stringify(dist('plan/index.js'))});
    const { executeRun, journalRecords } = await import(${JSON.stringify(dist('run/index.js'))});
    const { writeReports } = await import(${JSON.stringify(dist('report/index.js'))});
    const { createClient } = await import(${JSON.stringify(dist('client/index.js'))});
    const plan = buildPlan(loadSuite(${JSON.stringify(writeSuite(dir, cases))}));
    const client = createClient({ baseUrl: ${JSON.stringify(url)}, apiKey: 'bench', connections: 50 });
    const out = ${JSON.stringify(join(dir, 'run'))};
    const result = await executeRun(plan, { runDir: out, client, baseUrl: 'bench', endpoint: 'bench', cache: null, useCache: false, concurrency: 50, toolVersion: 'bench', startedAt: new Date(0) });
    await writeReports(out, result.meta, journalRecords(out));
    await client.close();
    process.stdout.write(String(process.resourceUsage().maxRSS * 1024));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`rss child failed: ${child.stderr}`);
  return Number(child.stdout.trim());
}

/** Median of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall ms of one spawn of node with `args`. */
function spawnMs(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return ms;
}

/**
 * Median wall ms of each command, the commands run alternately `times` times: on a shared machine the load
 * changes by the second, and alternating exposes both to the same load.
 */
function alternatingMedianMs(commands, times = 15) {
  const samples = commands.map(() => []);
  for (let i = 0; i < times; i++) commands.forEach((args, c) => samples[c].push(spawnMs(args)));
  return samples.map(median);
}

const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');

/** Rounds of each throughput measurement; every ratio is the median of its rounds. */
const ROUNDS = 5;

/** Runs every measurement and returns the lines to print. */
export async function run() {
  const lines = [`run bench: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}; ratios are medians of ${ROUNDS} rounds, each against a bare loop run beside it`];
  const temp = mkdtempSync(join(tmpdir(), 'ote-bench-run-'));
  try {
    let mock = await startMockProcess(0);
    await bareLoop(mock.url, 300, 20); // warm-up: JIT and connections
    await clientLoop(mock.url, 300, 20);
    const suiteA = writeSuite(mkdtempSync(join(temp, 'a-')), 2000);
    await runLoop(mock.url, suiteA, 20, join(temp, 'run-warm'));
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bare = await bareLoop(mock.url, 2000, 20);
      const client = await clientLoop(mock.url, 2000, 20);
      const bareAgain = await bareLoop(mock.url, 2000, 20);
      const runMs = await runLoop(mock.url, suiteA, 20, join(temp, `run-a-${round}`));
      rounds.push({ bare, client, bareAgain, runMs });
    }
    const clientRatio = median(rounds.map((r) => r.bare / r.client));
    const ratioA = median(rounds.map((r) => r.bareAgain / r.runMs));
    const rate = (ms) => (2000 / ms * 1000).toFixed(0);
    lines.push(`client latency 0, N=2000, C=20: bare ${rate(median(rounds.map((r) => r.bare)))} req/s, client ${rate(median(rounds.map((r) => r.client)))} req/s, ratio ${clientRatio.toFixed(3)} (target >= 0.9: ${verdict(clientRatio >= 0.9)})`);
    lines.push(`(a) latency 0, N=2000, C=20: run ${rate(median(rounds.map((r) => r.runMs)))} req/s incl. journal, scoring and reports, ratio to bare ${ratioA.toFixed(3)} (target >= 0.8: ${verdict(ratioA >= 0.8)})`);
    await mock.stop();

    mock = await startMockProcess(200);
    const ideal = Math.ceil(1000 / 50) * 200;
    const suiteB = writeSuite(mkdtempSync(join(temp, 'b-')), 1000);
    const roundsB = [];
    for (let round = 0; round < 3; round++) {
      const bare = await bareLoop(mock.url, 1000, 50);
      const runMs = await runLoop(mock.url, suiteB, 50, join(temp, `run-b-${round}`));
      roundsB.push({ bare, runMs });
    }
    const bare200 = median(roundsB.map((r) => r.bare));
    const run200 = median(roundsB.map((r) => r.runMs));
    const ratioB = median(roundsB.map((r) => r.runMs / r.bare));
    lines.push(`(b) latency 200 ms, N=1000, C=50: bare ${bare200.toFixed(0)} ms (${(bare200 / ideal).toFixed(3)} x ideal ${ideal} ms), run ${run200.toFixed(0)} ms (${(run200 / ideal).toFixed(3)} x ideal), run / bare ${ratioB.toFixed(3)} (target <= 1.05: ${verdict(ratioB <= 1.05)})`);
    await mock.stop();

    mock = await startMockProcess(0);
    const rss10k = rssInChild(mock.url, 10_000, mkdtempSync(join(temp, 'c10-')));
    const rss100k = rssInChild(mock.url, 100_000, mkdtempSync(join(temp, 'c100-')));
    await mock.stop();
    const ratioC = rss100k / rss10k;
    lines.push(`(c) peak RSS: 10k cells ${(rss10k / MIB).toFixed(1)} MiB, 100k cells ${(rss100k / MIB).toFixed(1)} MiB (target <= 200: ${verdict(rss100k / MIB <= 200)}), ratio ${ratioC.toFixed(2)} (target <= 1.5: ${verdict(ratioC <= 1.5)})`);

    const [node0, validate] = alternatingMedianMs([['-e', '0'], [join(root, 'dist/cli/main.js'), 'validate', 'suites/capitals.yaml']]);
    const ratioD = validate / node0;
    lines.push(`(d) cold start (median of 15, alternating): node -e 0 ${node0.toFixed(0)} ms, onetoken-eval validate ${validate.toFixed(0)} ms, ratio ${ratioD.toFixed(2)} (target <= 3: ${verdict(ratioD <= 3)})`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return lines;
}

/** Whether the lines of `run()` say a target was missed. */
export function isOverTarget(lines) {
  return lines.some((line) => line.includes('MISSES target'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of await run()) console.log(line);
}
