/**
 * Start-up and run speed, every figure a whole process (`node dist/cli/main.js …`) measured against a reference
 * measured alternately in the same run, so both meet the same load on a shared machine:
 *   start-up        `--version`, `--help` and `validate suites/capitals.yaml` / `node -e 0`    targets <= 1.5, 1.5, 2
 *   fixed cost      `run` of one cell against a server that answers at once, reports included,
 *                   / `node -e 0`                                                           target  <= 2.5
 *   (a) latency 0   `run` of N=2000 cells at C=20 / the bare client (bench/bare-client.mjs)   target  <= 1.2
 *   (b) 200 ms      `run` of N=1000 cells at C=50 / the bare client (ideal: N/C x 200 ms)     target  <= 1.03
 * The mock server runs in its own process. Each ratio is the median over rounds of the per-round ratio. The
 * command line's code cache (src/cli/code-cache.ts) is warmed first, as it is after a user's first start; the
 * cold figure (cache off) is printed beside it.
 * Run after `npm run build`: `node bench/run.mjs`, or `run()` from bench/index.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockProcess } from './mock-process.mjs';
import { writeCapitalSuite } from './capital-suite.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const bare = join(root, 'bench/bare-client.mjs');

/** Wall ms of one child process; throws when it exits with a code not in `okCodes`. */
function timed(args, env = {}, okCodes = [0]) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (!okCodes.includes(result.status)) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs each measurement `rounds` times, alternating, and returns the median of each and of each ratio to the first. */
function alternate(measurements, rounds) {
  const samples = measurements.map(() => []);
  for (let round = 0; round < rounds; round++) measurements.forEach((measure, i) => samples[i].push(measure(round)));
  const ratios = samples.map((column) => median(column.map((ms, round) => ms / samples[0][round])));
  return { medians: samples.map(median), ratios };
}

const verdict = (ratio, target) => `${ratio.toFixed(2)}x (target <= ${target}: ${ratio <= target ? 'meets target' : 'MISSES target'})`;

/** Runs every measurement and returns the lines to print. */
export async function run() {
  const lines = [`run bench: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}; whole processes, medians of alternating rounds`];
  const temp = mkdtempSync(join(tmpdir(), 'ote-bench-run-'));
  let mock = null;
  try {
    mock = await startMockProcess(0);
    const env = { ONETOKEN_BASE_URL: mock.url, ONETOKEN_API_KEY: 'bench', NO_COLOR: '1' };
    const one = writeCapitalSuite(mkdtempSync(join(temp, 'one-')), 1);
    let outs = 0;
    const runArgs = (suite, concurrency) => [cli, 'run', suite, '--no-cache', '--quiet', '--concurrency', String(concurrency), '--out', join(temp, `out-${outs++}`)];
    // Warm the code cache, as a user's first start does.
    for (const args of [[cli, '--version'], [cli, '--help'], [cli, 'validate', 'suites/capitals.yaml'], runArgs(one, 1)]) timed(args, env, [0, 1]);

    const start = alternate([
      () => timed(['-e', '0']),
      () => timed([cli, '--version']),
      () => timed([cli, '--help']),
      () => timed([cli, 'validate', 'suites/capitals.yaml']),
      () => timed(runArgs(one, 1), env, [0, 1]),
      () => timed(runArgs(one, 1), { ...env, ONETOKEN_EVAL_COMPILE_CACHE: '0' }, [0, 1]),
    ], 15);
    const [node0, version, help, validate, fixed, fixedCold] = start.medians;
    lines.push(`start-up: node -e 0 ${node0.toFixed(0)} ms; --version ${version.toFixed(0)} ms, ${verdict(start.ratios[1], 1.5)}; --help ${help.toFixed(0)} ms, ${verdict(start.ratios[2], 1.5)}; validate ${validate.toFixed(0)} ms, ${verdict(start.ratios[3], 2)}`);
    lines.push(`fixed cost of run (one cell, reports included): ${fixed.toFixed(0)} ms, ${verdict(start.ratios[4], 2.5)}; without the code cache ${fixedCold.toFixed(0)} ms (${start.ratios[5].toFixed(2)}x)`);

    const suiteA = writeCapitalSuite(mkdtempSync(join(temp, 'a-')), 2000);
    const a = alternate([() => timed([bare, mock.url, '2000', '20']), () => timed(runArgs(suiteA, 20), env, [0, 1])], 5);
    lines.push(`(a) latency 0, N=2000, C=20: bare client ${a.medians[0].toFixed(0)} ms, run ${a.medians[1].toFixed(0)} ms, run / bare ${verdict(a.ratios[1], 1.2)}`);
    await mock.stop();

    mock = await startMockProcess(200);
    const env200 = { ...env, ONETOKEN_BASE_URL: mock.url };
    const ideal = Math.ceil(1000 / 50) * 200;
    const suiteB = writeCapitalSuite(mkdtempSync(join(temp, 'b-')), 1000);
    const b = alternate([() => timed([bare, mock.url, '1000', '50']), () => timed(runArgs(suiteB, 50), env200, [0, 1])], 3);
    lines.push(`(b) latency 200 ms, N=1000, C=50: ideal ${ideal} ms, bare client ${b.medians[0].toFixed(0)} ms, run ${b.medians[1].toFixed(0)} ms, run / bare ${verdict(b.ratios[1], 1.03)}`);
  } finally {
    await mock?.stop();
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
