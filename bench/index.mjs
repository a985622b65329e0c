/**
 * `npm run bench`: every benchmark in one run, in sequence (plan, run, run memory, report, report page, compare), each in its own
 * processes where it measures memory. Prints a header with the machine's state, every bench's lines as they come,
 * and a summary naming each missed target. Benchmarks report; they do not fail CI, so this exits 0 either way.
 * Run after `npm run build` (the npm script does both).
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

const BENCHES = [
  { name: 'plan', path: './plan.mjs' },
  { name: 'run', path: './run.mjs' },
  { name: 'run memory', path: './run-memory.mjs' },
  { name: 'report', path: './report.mjs' },
  { name: 'report page', path: './report-page.mjs' },
  { name: 'compare', path: './compare.mjs' },
];

/** A bench's own verdict when it exports one, else any line that says a target was missed. */
function missedLines(bench, lines) {
  const isMissed = (line) => / OVER( TARGET)?$|MISSES target/.test(line);
  if (typeof bench.isOverTarget === 'function' && !bench.isOverTarget(lines)) return [];
  return lines.filter(isMissed);
}

function header() {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  const model = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return [
    `onetoken-eval benchmarks: node ${process.version}, ${process.platform}/${process.arch}`,
    `machine: ${availableParallelism()} CPUs (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${one} ${five} ${fifteen}`,
    'figures are ratios measured within this run (see each bench file for what it measures and why)',
  ];
}

const started = performance.now();
for (const line of header()) console.log(line);
const missed = [];
const failed = [];
for (const { name, path } of BENCHES) {
  console.log(`\n== ${name} ==`);
  try {
    const bench = await import(new URL(path, import.meta.url).href);
    const lines = await bench.run();
    for (const line of lines) console.log(line);
    for (const line of missedLines(bench, lines)) missed.push(`${name}: ${line}`);
  } catch (error) {
    // One broken bench should not hide the others' figures.
    failed.push(name);
    console.log(`${name} bench failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`\n== summary (${((performance.now() - started) / 1000).toFixed(0)} s, load average now ${loadavg()[0].toFixed(2)}) ==`);
if (failed.length > 0) console.log(`benches that failed to run: ${failed.join(', ')}`);
if (missed.length === 0) console.log('all targets met');
else {
  console.log(`targets missed: ${missed.length}`);
  for (const line of missed) console.log(`  - ${line}`);
}
