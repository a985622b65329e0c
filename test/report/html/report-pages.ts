/**
 * The set-up the report.html browser test files share: headless Chromium and the mock runs (`head`, `base`, …)
 * made once per file, and every page opened watched: after each test, nothing may have been requested, logged as
 * an error or shown as a dialog.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { makeTempDir } from '../../helpers/cli.js';
import { launchChromium, openReport, type PageWatch } from './chromium.js';
import { makeMockRuns, readResults, type Results } from './mock-runs.js';

/** What a test file uses; read its fields inside tests (they are set in `beforeAll`). */
export interface ReportPages {
  /** The directory holding the mock runs. */
  readonly dir: string;
  /** results.json of the `head` run. */
  readonly head: Results;
  /** Opens `file` (relative to `dir`) in a fresh, watched page. */
  open(file: string, options?: { hash?: string; height?: number }): Promise<Page>;
}

/** Registers the hooks of a describe block and returns its fixture. */
export function useReportPages(): ReportPages {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let browser: Browser | undefined;
  let head: Results | undefined;
  const watches: PageWatch[] = [];
  beforeAll(async () => {
    temp = makeTempDir('ote-html-');
    [browser] = await Promise.all([launchChromium(), makeMockRuns(temp.path)]);
    head = readResults(join(temp.path, 'head'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    temp?.remove();
  });
  afterEach(() => {
    for (const watch of watches.splice(0)) expect(watch).toEqual({ requests: [], consoleErrors: [], dialogs: [] });
  });
  return {
    get dir() {
      return temp!.path;
    },
    get head() {
      return head!;
    },
    async open(file, options = {}) {
      const opened = await openReport(browser!, join(temp!.path, file), options);
      watches.push(opened.watch);
      return opened.page;
    },
  };
}
