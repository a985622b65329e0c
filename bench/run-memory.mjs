/**
 * Peak memory of a large run, as users run it: `onetoken-eval run` (whole process, reports included) of a
 * 10,000-cell and a 100,000-cell suite against the built-in mock server at latency 0, the mock in a separate
 * process so that its memory is not counted. Prints both peaks and their ratio against issue 15's targets
 * (100k <= 160 MiB and <= 1.3x the 10k figure), with the load average.
 *
 * A third line repeats the 100k run with V8's old generation allowed to grow only 30% past the live heap
 * (`--heap-growing-percent=30`), for diagnosis only: the live heap of a run stays flat from its first cell to its
 * last (nothing is kept per cell), so what the default peak has above that line is garbage V8 has not yet
 * collected, not data.
 *
 * Run after `npm run build`: `node bench/run-memory.mjs`, or `run()` from bench/index.mjs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, measureProcess } from './measure-process.mjs';
import { startMockProcess } from './mock-process.mjs';
import { writeCapitalSuite } from './capital-suite.mjs';

const SIZES = [10_000, 100_000];
const MAX_MIB_100K = 160;
const MAX_RATIO = 1.3;
const CONCURRENCY = 50;
const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist/cli/main.js');

/** One whole `run` process; resolves with its measurement. */
async function runOnce(url, dir, cells, nodeFlags = []) {
  const out = join(dir, `run-${cells}-${nodeFlags.length}`);
  const suite = join(dir, `suite-${cells}.yaml`);
  // Exit 0: every cell passes the length assertion against the mock.
  const result = await measureProcess([CLI, 'run', suite, '--out', out, '--no-cache', '--concurrency', String(CONCURRENCY)], {
    nodeFlags,
    env: { ONETOKEN_API_KEY: 'bench', ONETOKEN_BASE_URL: url },
  });
  await rm(out, { recursive: true, force: true });
  return result;
}

/** Runs both sizes and returns the lines to print. */
export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'ote-bench-run-memory-'));
  const mock = await startMockProcess(0);
  try {
    const lines = [`run memory: node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}; whole \`run\` process, mock at latency 0 in its own process, concurrency ${CONCURRENCY}`];
    const results = [];
    for (const cells of SIZES) {
      writeCapitalSuite(dir, cells);
      const result = await runOnce(mock.url, dir, cells);
      results.push(result);
      lines.push(`run ${cells.toLocaleString('en-US')} cells: peak RSS ${result.maxRssMiB.toFixed(1)} MiB, ${result.seconds.toFixed(1)} s elapsed, ${result.cpuSeconds.toFixed(1)} s CPU (load average ${load()})`);
    }
    const [small, large] = results;
    const ratio = large.maxRssMiB / small.maxRssMiB;
    lines.push(`run peak RSS at 100k: ${large.maxRssMiB.toFixed(1)} MiB (target <= ${MAX_MIB_100K} MiB, ratio ${(large.maxRssMiB / MAX_MIB_100K).toFixed(2)}) ${large.maxRssMiB <= MAX_MIB_100K ? 'ok' : 'OVER'}`);
    lines.push(`run peak RSS ratio 100k / 10k: ${ratio.toFixed(2)} (target <= ${MAX_RATIO}) ${ratio <= MAX_RATIO ? 'ok' : 'OVER'}`);
    const tight = await runOnce(mock.url, dir, SIZES[1], ['--heap-growing-percent=30']);
    lines.push(`(diagnosis, not a target) run 100k with --heap-growing-percent=30: peak RSS ${tight.maxRssMiB.toFixed(1)} MiB, ${tight.cpuSeconds.toFixed(1)} s CPU (load average ${load()})`);
    return lines;
  } finally {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether the lines of `run()` say a target was missed. */
export function isOverTarget(lines) {
  return lines.some((line) => line.endsWith(' OVER'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of await run()) console.log(line);
}
