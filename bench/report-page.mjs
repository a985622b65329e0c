/**
 * report.html in a browser: writes the page of 10,000 and 100,000 synthetic cells (bench/report.mjs's cells)
 * and opens each from file:// in headless Chromium (the system's, through playwright-core), printing the time
 * to the first screen (the page's `ote-first-screen` performance mark, from navigation start: reading and
 * parsing the file, the data and the first rows drawn) and, at 100k, the time to draw the rows after a jump
 * to the middle of the grid. Target: the 10k page's first screen under 2 s on a 2-CPU machine.
 * Run after `npm run build`: `node bench/report-page.mjs`, or `run()` from bench/index.mjs.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { meta, records } from './report.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const SIZES = [10_000, 100_000];
const MAX_FIRST_SCREEN_MS = 2000;


/** Writes the pages, opens them, returns the lines to print. */
export async function run() {
  const { chromium } = await import('playwright-core');
  const report = await import(new URL('../dist/report/index.js', import.meta.url).href);
  const lines = [`report page bench: node ${process.version}, ${availableParallelism()} CPUs, headless Chromium`];
  const dir = await mkdtemp(join(tmpdir(), 'ote-page-bench-'));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    for (const cells of SIZES) {
      const runDir = join(dir, String(cells));
      await report.writeReports(runDir, meta(cells), records(cells), { formats: ['html'] });
      const file = join(runDir, 'report.html');
      const size = (await stat(file)).size;
      // The median of three loads: one load on a shared machine is at the mercy of its neighbours.
      const loads = [];
      for (let round = 0; round < 3; round++) loads.push(await load(browser, file));
      loads.sort((a, b) => a.firstScreenMs - b.firstScreenMs);
      const { firstScreenMs, jump } = loads[1];
      let line = `report.html ${cells.toLocaleString('en-US')} cells (${(size / 2 ** 20).toFixed(1)} MiB): first screen ${(firstScreenMs / 1000).toFixed(2)} s (median of 3, load average ${loadavg()[0].toFixed(1)})`;
      if (cells === SIZES[0]) line += ` (target < ${MAX_FIRST_SCREEN_MS / 1000} s) ${firstScreenMs < MAX_FIRST_SCREEN_MS ? 'ok' : 'OVER'}`;
      else line += `, rows drawn after a jump to the middle in ${jump.toFixed(0)} ms`;
      lines.push(line);
    }
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}

/** Opens the page once: time to its first screen, then the time to draw rows after a jump. */
async function load(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    const firstScreenMs = await page.evaluate(() => performance.getEntriesByName('ote-first-screen')[0].startTime);
    return { firstScreenMs, jump: await jumpMs(page) };
  } finally {
    await page.close();
  }
}

/** Scrolls the grid to its middle and times until the rows there are in the DOM. */
function jumpMs(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const grid = document.querySelector('.grid-scroll');
        const started = performance.now();
        grid.scrollTop = grid.scrollHeight / 2;
        const check = () => {
          const row = Number(document.querySelector('.grid-row')?.getAttribute('aria-rowindex') ?? 0);
          if (row > 100) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  for (const line of await run()) console.log(line);
}
