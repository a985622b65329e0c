/// <reference lib="dom" />
// Page callbacks (evaluate, $$eval, addInitScript) run in the browser and use DOM types; tsc checks them with these.
/**
 * report.html in real headless Chromium, loaded from file:// as a user opens it: the numbers equal
 * results.json's, each filter shows exactly the expected rows, search finds a case by a variable, the detail
 * view shows assertion reasons, keyboard navigation works, and the page makes no request and logs no error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CellRecord, JudgmentRecord } from '../../../src/run/index.js';
import { cliEnv, runCli } from '../../helpers/cli.js';
import { useReportPages } from './report-pages.js';
import { readResults } from './mock-runs.js';

/** The grid's rows as `prompt/case`, in page order. */
function shownRows(page: Page): Promise<string[]> {
  return page.$$eval('.grid-row', (rows) => rows.map((row) => `${row.getAttribute('data-prompt')}/${row.getAttribute('data-case')}`));
}

/** Rows (prompt/case, plan order) whose cells of `models` satisfy `keep`, computed from results.json. */
function expectedRows(cells: CellRecord[], keep: (row: CellRecord[]) => boolean, models?: string[]): string[] {
  const rows = new Map<string, CellRecord[]>();
  for (const cell of cells) {
    const key = `${cell.prompt}/${cell.case}`;
    rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  return [...rows].filter(([, row]) => keep(row.filter((cell) => !models || models.includes(cell.model)))).map(([key]) => key);
}

/** Pass fraction per model over the row's scored cells; models disagree when these differ. */
function disagree(row: CellRecord[]): boolean {
  const fractions = new Set<number>();
  for (const model of new Set(row.map((cell) => cell.model))) {
    const scored = row.filter((cell) => cell.model === model && cell.pass !== null);
    if (scored.length > 0) fractions.add(scored.filter((cell) => cell.pass).length / scored.length);
  }
  return fractions.size > 1;
}

/** What the detail view says of a judgment, written out from results.json's fields. */
function expectedOutcome({ modelA, modelB, winner, verdicts }: JudgmentRecord): string {
  if (winner === 'a') return `${modelA} beat ${modelB}`;
  if (winner === 'b') return `${modelB} beat ${modelA}`;
  if (winner === null) return `${modelA} and ${modelB}: not judged (the judge failed)`;
  const why = verdicts.every((verdict) => verdict.better === 'tie') ? 'the judge called it a tie both ways' : 'the judge disagreed with itself when the answers were swapped';
  return `${modelA} and ${modelB}: tie (${why})`;
}

describe('report.html in Chromium', { timeout: 120_000 }, () => {
  const pages = useReportPages();
  const open = (run: string, options: { hash?: string; height?: number; file?: string } = {}) => pages.open(join(run, options.file ?? 'report.html'), options);

  it('shows the header and scorecard counts of results.json', async () => {
    const page = await open('head');
    const text = (testId: string) => page.getByTestId(testId).first().textContent();
    expect(await text('header-cells')).toBe(String(pages.head.summary.cells));
    expect(await text('header-passed')).toBe(String(pages.head.summary.passed));
    expect(await text('header-failed')).toBe(String(pages.head.summary.failed));
    expect(await text('header-errored')).toBe(String(pages.head.summary.errored));
    expect(pages.head.summary.errored).toBeGreaterThan(0);
    for (const model of pages.head.summary.models) {
      const card = page.locator(`.card[data-model="${model.model}"]`);
      expect(await card.getByTestId('card-passed').textContent()).toBe(`${model.passed} / ${model.passed + model.failed}`);
      expect(await card.getByTestId('card-errored').textContent()).toBe(String(model.errored));
      expect(await card.getByTestId('card-rate').textContent()).toBe(model.passRate === null ? '—' : `${(model.passRate * 100).toFixed(1)}%`);
    }
    await page.close();
  });

  it('shows exactly the expected rows for each filter, set from the controls and kept in the hash', async () => {
    const page = await open('head');
    const models = pages.head.summary.models.map((model) => model.model);
    const cases: [string, string[]][] = [
      ['all', expectedRows(pages.head.cells, () => true)],
      ['failed', expectedRows(pages.head.cells, (row) => row.some((cell) => cell.pass === false))],
      ['errored', expectedRows(pages.head.cells, (row) => row.some((cell) => cell.pass === null))],
      ['disagree', expectedRows(pages.head.cells, disagree)],
    ];
    for (const [show, rows] of cases) {
      await page.getByTestId('filter-show').selectOption(show);
      if (show !== 'all') expect(rows.length, show).toBeGreaterThan(0);
      expect(await shownRows(page), show).toEqual(rows);
      expect(await page.getByTestId('row-count').getAttribute('data-shown')).toBe(String(rows.length));
      expect(new URL(page.url()).hash).toBe(show === 'all' ? '' : `#show=${show}`);
    }
    await page.getByTestId('filter-show').selectOption('all');
    await page.getByTestId('filter-prompt').selectOption('capital-short');
    expect(await shownRows(page)).toEqual(expectedRows(pages.head.cells.filter((cell) => cell.prompt === 'capital-short'), () => true));
    await page.getByTestId('filter-prompt').selectOption('');
    await page.getByTestId('filter-show').selectOption('failed');
    await page.getByTestId('filter-model').selectOption(models[0]!);
    expect(await shownRows(page)).toEqual(expectedRows(pages.head.cells, (row) => row.some((cell) => cell.pass === false), [models[0]!]));
    expect(await page.$$eval('.grid-head [role="columnheader"]', (cells) => cells.length)).toBe(2);
    await page.close();
  });

  it('opens the view a shared link names, filters and open cell included', async () => {
    const failing = pages.head.cells.find((cell) => cell.pass === false)!;
    const hash = `#show=failed&prompt=${failing.prompt}&cell=${encodeURIComponent(failing.id)}`;
    const page = await open('head', { hash });
    expect(await shownRows(page)).toEqual(expectedRows(pages.head.cells.filter((cell) => cell.prompt === failing.prompt), (row) => row.some((cell) => cell.pass === false)));
    await expect.poll(() => page.getByTestId('detail').isVisible()).toBe(true);
    await page.close();
  });

  it('finds a case by a variable that only its request holds', async () => {
    const page = await open('head');
    // "New Zealand" is the country variable; the case id spells it "new-zealand".
    await page.getByTestId('search').fill('New Zealand');
    const rows = await shownRows(page);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^capital(-short)?\/new-zealand-/);
    expect(new URL(page.url()).hash).toBe('#q=New+Zealand');
    await page.close();
  });

  it('shows every assertion reason of a cell in the detail view, and the other models of its row', async () => {
    const failing = pages.head.cells.find((cell) => cell.pass === false && cell.assertions.length > 1)!;
    const page = await open('head');
    await page.locator(`.grid-row[data-case="${failing.case}"][data-prompt="${failing.prompt}"] .cell[data-model="${failing.model}"]`).click();
    const detail = page.getByTestId('detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    expect(await detail.getByTestId('assertion-reason').allTextContents()).toEqual(failing.assertions.map((assertion) => assertion.reason));
    const others = await detail.locator('.others button').count();
    expect(others).toBe(pages.head.summary.models.length - 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.isVisible()).toBe(false);
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('moves through the grid with the arrow keys and opens a cell with Enter', async () => {
    const page = await open('head');
    await page.keyboard.press('g');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const active = page.locator('.cell[data-active="true"]');
    expect(await active.getAttribute('data-row')).toBe('1');
    expect(await active.getAttribute('data-column')).toBe('1');
    await page.keyboard.press('Enter');
    const rows = expectedRows(pages.head.cells, () => true);
    const model = pages.head.summary.models[1]!.model;
    const expected = pages.head.cells.find((cell) => `${cell.prompt}/${cell.case}` === rows[1] && cell.model === model)!;
    await expect.poll(() => page.locator('.detail-body').getAttribute('data-cell')).toBe(expected.id);
    await page.close();
  });

  it('groups repeats into one row per case with k/n passed, and badges the built-in mock', async () => {
    const repeats = readResults(join(pages.dir, 'repeats'));
    const page = await open('repeats');
    expect(await shownRows(page)).toEqual(expectedRows(repeats.cells, () => true));
    const [cell] = repeats.cells;
    const first = repeats.cells.filter((other) => other.prompt === cell!.prompt && other.case === cell!.case && other.model === cell!.model);
    expect(first).toHaveLength(3);
    const passed = first.filter((cell) => cell.pass).length;
    const label = await page.locator(`.grid-row[data-case="${first[0]!.case}"][data-prompt="${first[0]!.prompt}"] .cell[data-model="${first[0]!.model}"] .status`).textContent();
    expect(label).toContain(`${passed}/3 passed`);
    expect(await page.getByTestId('mock-badge').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the pairwise win-rate matrix of results.json, and each row\'s verdicts in the detail view of its cells', async () => {
    const out = join(pages.dir, 'pairwise');
    const result = await runCli(['run', join('suites', 'custom-checks.yaml'), '--mock', '--out', out, '--no-cache', '--quiet'], { env: cliEnv() });
    expect(result.code).toBe(1); // the suite fails some cells against the mock on purpose
    const pairwise = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { summary: { pairwise: { models: string[]; matrix: { winRate: (number | null)[][] } } } }).summary.pairwise;
    const page = await open('pairwise');
    expect(await page.getByTestId('pairwise').isVisible()).toBe(true);
    const rate = pairwise.matrix.winRate[0]![1]!;
    expect(await page.getByTestId('win-rate-0-1').textContent()).toBe(`${(rate * 100).toFixed(1)}%`);
    expect(await page.getByTestId('win-rate-0-0').textContent()).toBe('');
    const { judgments } = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { judgments: JudgmentRecord[] };
    // The mock's judge prefers gpt-4o on one row and calls the others ties; every row is checked from modelB's cell.
    expect(new Set(judgments.map((judgment) => judgment.winner))).toEqual(new Set(['b', 'tie']));
    for (const judgment of judgments) {
      await page.locator(`.grid-row[data-case="${judgment.case}"][data-prompt="${judgment.prompt}"] .cell[data-model="${judgment.modelB}"]`).click();
      const detail = page.getByTestId('detail');
      await expect.poll(() => detail.getAttribute('open')).toBe('');
      expect(await detail.getByTestId('pairwise-outcome').allTextContents()).toEqual([expectedOutcome(judgment)]);
      const listed = await detail.getByTestId('detail-pairwise').textContent();
      for (const verdict of judgment.verdicts) expect(listed).toContain(verdict.reason);
      await page.keyboard.press('Escape');
      await expect.poll(() => detail.isVisible()).toBe(false);
    }
    await page.close();
  });

  it('has no pairwise section for a run without pairwise judging', async () => {
    const page = await open('head');
    expect(await page.getByTestId('pairwise').count()).toBe(0);
    await page.locator('.grid-row .cell').first().click();
    await expect.poll(() => page.getByTestId('detail').isVisible()).toBe(true);
    expect(await page.getByTestId('detail-pairwise').count()).toBe(0);
    await page.close();
  });
});
