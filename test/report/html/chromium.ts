/// <reference lib="dom" />
// Page callbacks (evaluate, $$eval, addInitScript) run in the browser and use DOM types; tsc checks them with these.
/**
 * Headless Chromium for the page tests, driven by playwright-core (which downloads no browser) on the system's
 * `chromium`: CHROMIUM_PATH, else the first of chromium, chromium-browser, google-chrome on PATH. Every page
 * opened here counts its network requests, console errors, CSP violations and dialogs, so a test can assert
 * there were none.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Flags for a sandboxed, quiet, offline-friendly headless Chromium. Without the background-networking ones
 * Chromium opens connections at start-up that this machine refuses (and that would count as requests).
 * Playwright gives every launch a fresh temporary --user-data-dir of its own.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium binary to drive; throws with the fix when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  throw new Error('no Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
}

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** What a page did that a self-contained report must never do. */
export interface PageWatch {
  /** URLs requested besides the report file itself. */
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Opens a report file (with an optional `#hash`) in a fresh page and waits until its script has drawn it. */
export async function openReport(browser: Browser, file: string, options: { hash?: string; height?: number } = {}): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: options.height ?? 2400 } });
  const url = pathToFileURL(file).href;
  const watch: PageWatch = { requests: [], consoleErrors: [], dialogs: [] };
  page.on('request', (request) => {
    if (request.url().split('#')[0] !== url) watch.requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // A blocked request fires no 'request' event, only a CSP violation: count those as console errors too.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${url}${options.hash ?? ''}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, watch };
}
