/**
 * `npm run screenshot`: regenerates docs/report.png (the report.html of suites/capitals.yaml run against the
 * built-in mock) and docs/report-baseline.png (the baseline tab of a second run whose mock answers three
 * capitals wrong, compared with the first), in headless Chromium through playwright-core. Run after a build.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'main.js');
const { startMockServer, DEFAULT_MOCK_FIXTURES } = await import(pathToFileURL(join(root, 'dist', 'mock', 'index.js')).href);
const WORSE = [['Australia', 'Sydney'], ['Brazil', 'Rio de Janeiro'], ['Canada', 'Toronto']].map(([country, city]) => ({ match: `capital of ${country}\\b`, answer: city }));


/** Runs the CLI (asynchronously: the mock it may talk to runs in this process); exit 1 (assertions failed) is expected. */
async function onetokenEval(args, env = {}) {
  try {
    await promisify(execFile)(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env } });
  } catch (error) {
    if (error.code !== 1) throw error;
  }
}

const temp = mkdtempSync(join(tmpdir(), 'ote-screenshot-'));
// Both runs against a mock over ONETOKEN_BASE_URL, the head's with worse answers: the same kind of endpoint, so the
// gate compares them (a --mock base against a real head is refused).
const [usual, worse] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0, fixtures: [...WORSE, ...DEFAULT_MOCK_FIXTURES] })]);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  await onetokenEval(['run', 'suites/capitals.yaml', '--no-cache', '--quiet', '--out', join(temp, 'base')], { ONETOKEN_API_KEY: 'sk-screenshot', ONETOKEN_BASE_URL: usual.url });
  await onetokenEval(['run', 'suites/capitals.yaml', '--no-cache', '--quiet', '--out', join(temp, 'head')], { ONETOKEN_API_KEY: 'sk-screenshot', ONETOKEN_BASE_URL: worse.url });
  await onetokenEval(['report', join(temp, 'head'), '--baseline', join(temp, 'base'), '-o', join(temp, 'compare.html')]);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  for (const [file, hash, output] of [
    [join(temp, 'base', 'report.html'), '', 'docs/report.png'],
    [join(temp, 'compare.html'), '#tab=baseline', 'docs/report-baseline.png'],
  ]) {
    await page.goto(`${pathToFileURL(file).href}${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: join(root, output), fullPage: !hash });
    console.log(`screenshot: ${output}`);
  }
} finally {
  await browser.close();
  await Promise.all([usual.close(), worse.close()]);
  rmSync(temp, { recursive: true, force: true });
}
