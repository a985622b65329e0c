/**
 * Memory of the report writer: streams 10,000 and 100,000 synthetic cells (about 300 characters of output each)
 * into `writeReports` from dist/ (every format, report.html included), each size in a fresh child process, and
 * prints the peak RSS of both and their ratio. Targets: 100k cells <= 200 MiB, 100k / 10k <= 1.5 (memory must
 * not grow with the number of cells). Then report.html alone against results.json alone at 100k, each in its own
 * child: peak RSS <= 200 MiB and time <= 2x the JSON report's.
 *
 * Why two measurements per size: V8 starts the young generation small and doubles its semi-spaces up to 16 MiB
 * (Node 20, 64-bit) as allocation goes on. A 10k run ends before that growth is done and a 100k run does not,
 * so with default flags the ratio measures V8 warming up (up to ~40 MiB, the same for any longer run) rather than
 * the writer. The ratio is therefore taken with the semi-spaces pinned at that 16 MiB maximum in both children;
 * the default-flag peaks are printed beside them, and the absolute target uses the larger of the two.
 *
 * Run after `npm run build`: `node bench/report.mjs`, or `run()` from bench/index.mjs.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SIZES = [10_000, 100_000];
const MAX_RSS_MIB = 200;
const MAX_RATIO = 1.5;
const MAX_HTML_TIME_RATIO = 2;
const MODELS = ['mini', 'small', 'medium', 'large', 'search'];
const PROMPTS = 2;
const REPEATS = 2;
const MIB = 1024 * 1024;
const PINNED_YOUNG_GENERATION = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

const here = fileURLToPath(import.meta.url);
const distReport = new URL('../dist/report/index.js', import.meta.url);

/** Runs both sizes in child processes and returns the lines to print. */
export async function run() {
  const lines = [`report bench: node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(2)}`];
  const pinned = [];
  const defaults = [];
  for (const cells of SIZES) {
    const result = await measureInChild(cells, PINNED_YOUNG_GENERATION);
    const plain = await measureInChild(cells, []);
    pinned.push(result);
    defaults.push(plain);
    const rate = Math.round(result.cells / (result.ms / 1000));
    lines.push(
      `report ${format(cells)} cells: peak RSS ${mib(result.maxRssMiB)} (V8 defaults: ${mib(plain.maxRssMiB)}), ` +
        `${(result.ms / 1000).toFixed(2)} s, ${format(rate)} cells/s`,
    );
  }
  const largest = Math.max(pinned[1].maxRssMiB, defaults[1].maxRssMiB);
  const ratio = pinned[1].maxRssMiB / pinned[0].maxRssMiB;
  const defaultRatio = defaults[1].maxRssMiB / defaults[0].maxRssMiB;
  lines.push(`report peak RSS at 100k: ${mib(largest)} (target <= ${MAX_RSS_MIB} MiB) ${largest <= MAX_RSS_MIB ? 'ok' : 'OVER'}`);
  lines.push(
    `report RSS ratio 100k / 10k: ${ratio.toFixed(2)} with the young generation pinned, ` +
      `${defaultRatio.toFixed(2)} with V8 defaults (target <= ${MAX_RATIO}) ${ratio <= MAX_RATIO ? 'ok' : 'OVER'}`,
  );
  // What the two CSV files cost (csv-stringify, one long-lived stringifier per file) beside results.json alone.
  const csv = await measureInChild(SIZES[1], PINNED_YOUNG_GENERATION, 'csv,comparison');
  const json = await measureInChild(SIZES[1], PINNED_YOUNG_GENERATION, 'json');
  lines.push(
    `report 100k, CSV files only (csv-stringify): ${(csv.ms / 1000).toFixed(2)} s, ${((csv.ms * 1000) / csv.cells).toFixed(1)} µs a cell for both files; ` +
      `results.json only: ${(json.ms / 1000).toFixed(2)} s; CSV / JSON time ${(csv.ms / json.ms).toFixed(2)}`,
  );
  lines.push(...(await htmlLines()));
  return lines;
}

/** report.html alone against results.json alone at 100k cells, alternated and repeated, medians compared. */
async function htmlLines() {
  const cells = SIZES[1];
  const json = [];
  const html = [];
  // Alternating the two and taking medians keeps a burst of load on this shared machine out of the ratio.
  for (let round = 0; round < 3; round++) {
    json.push(await measureInChild(cells, [], 'json'));
    html.push(await measureInChild(cells, [], 'html'));
  }
  const median = (list, key) => list.map((item) => item[key]).sort((a, b) => a - b)[1];
  const htmlMs = median(html, 'ms');
  const jsonMs = median(json, 'ms');
  const htmlRss = Math.max(...html.map((item) => item.maxRssMiB));
  const ratio = htmlMs / jsonMs;
  return [
    `report.html alone, 100k cells: ${(htmlMs / 1000).toFixed(2)} s, ${(html[0].bytes / MIB).toFixed(1)} MiB file, peak RSS ${mib(htmlRss)} ` +
      `(target <= ${MAX_RSS_MIB} MiB) ${htmlRss <= MAX_RSS_MIB ? 'ok' : 'OVER'}`,
    `report.html / results.json time at 100k: ${(htmlMs / 1000).toFixed(2)} s / ${(jsonMs / 1000).toFixed(2)} s = ${ratio.toFixed(2)} ` +
      `(median of 3, target <= ${MAX_HTML_TIME_RATIO}) ${ratio <= MAX_HTML_TIME_RATIO ? 'ok' : 'OVER'}`,
  ];
}

/** Whether the lines of `run()` say a target was missed. */
export function isOverTarget(lines) {
  return lines.some((line) => line.endsWith(' OVER'));
}

function measureInChild(cells, nodeFlags, formats = '') {
  return new Promise((resolve, reject) => {
    const args = [...nodeFlags, here, '--child', String(cells), ...(formats ? [formats] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => (stdout += text));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`report bench child for ${cells} cells exited with ${code}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/** The child: writes the reports of `cells` synthetic cells and prints its peak RSS as JSON. */
async function child(cells, formats) {
  let report;
  try {
    report = await import(distReport.href);
  } catch (error) {
    throw new Error(`cannot load ${fileURLToPath(distReport)}: run "npm run build" first (${error.message})`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'ote-report-bench-'));
  try {
    const started = performance.now();
    const options = formats ? { formats: formats.split(',') } : { junitPath: join(dir, 'junit.xml') };
    await report.writeReports(dir, meta(cells), records(cells), options);
    const ms = performance.now() - started;
    // maxRSS is in kilobytes on every platform Node supports.
    const maxRssMiB = (process.resourceUsage().maxRSS * 1024) / MIB;
    const bytes = formats === 'html' ? (await stat(join(dir, 'report.html'))).size : 0;
    process.stdout.write(`${JSON.stringify({ cells, ms, maxRssMiB, bytes })}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** run.json of the synthetic run; exported for the page bench. */
export function meta(cells) {
  return {
    version: 2,
    tool: { name: 'onetoken-eval', version: '0.0.0-bench' },
    suite: { name: 'bench', path: 'bench/report.mjs', hash: 'bench' },
    planHash: 'bench',
    planCells: cells,
    cells,
    shard: null,
    models: MODELS,
    plan: { models: null, filter: null, shard: null, repeat: null },
    baseUrl: 'http://127.0.0.1:0/v1',
    startedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** Cells in plan order (prompt, case, repeat, model), generated lazily with a fixed-seed generator. */
export async function* records(cells) {
  const cases = Math.ceil(cells / (PROMPTS * REPEATS * MODELS.length));
  let state = 42;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  let index = 0;
  for (let prompt = 0; prompt < PROMPTS; prompt++) {
    for (let caseNumber = 0; caseNumber < cases; caseNumber++) {
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        for (const model of MODELS) {
          if (index === cells) return;
          yield cell(index++, `prompt-${prompt}`, `case-${caseNumber}`, model, repeat, random());
        }
      }
    }
  }
}

function cell(index, prompt, caseName, model, repeat, roll) {
  const isErrored = roll < 0.02;
  const pass = isErrored ? null : roll < 0.7;
  const output = isErrored ? null : `Answer ${index}: ${'The quick brown fox jumps over the lazy dog, "quoted", 😀. '.repeat(5)}`.slice(0, 300);
  return {
    id: `${prompt}/${caseName}/${model}#${repeat}`,
    index,
    prompt,
    case: caseName,
    model,
    modelId: `${model}-id`,
    repeat,
    seed: index,
    requestHash: `hash-${index}`,
    messages: [{ role: 'user', content: `Question number ${index} about ${caseName}?` }],
    params: { temperature: 0 },
    output,
    toolCalls: [],
    finishReason: isErrored ? null : 'stop',
    usage: isErrored ? null : { promptTokens: 20, completionTokens: 80, totalTokens: 100 },
    servedModel: `${model}-id`,
    systemFingerprint: null,
    responseId: null,
    requestId: null,
    citations: [],
    latencyMs: isErrored ? null : Math.round(200 + roll * 2000),
    ttftMs: null,
    attempts: isErrored ? 3 : 1,
    cached: false,
    cost: isErrored ? null : 0.0001,
    rounds: [],
    turns: [],
    error: isErrored ? { code: 'OTE_API_SERVER', message: '500 upstream failed', status: 500, raw: null } : null,
    assertions: isErrored
      ? []
      : [{ type: 'contains', pass, score: pass ? 1 : 0, reason: pass ? 'contains "fox"' : 'expected to contain "cat", got "Answer…"', weight: 1, metric: 'accuracy', error: null }],
    graderCalls: [],
    pass,
    score: pass === null ? null : pass ? 1 : 0,
  };
}

function mib(value) {
  return `${value.toFixed(1)} MiB`;
}

function format(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex !== -1) {
    await child(Number(process.argv[childIndex + 1]), process.argv[childIndex + 2]);
  } else {
    const lines = await run();
    for (const line of lines) console.log(line);
    if (isOverTarget(lines)) process.exitCode = 1;
  }
}
