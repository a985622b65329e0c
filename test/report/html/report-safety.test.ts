/// <reference lib="dom" />
// Page callbacks (evaluate, $$eval, addInitScript) run in the browser and use DOM types; tsc checks them with these.
/**
 * report.html with hostile outputs and a baseline, in real headless Chromium: markup in an output stays text
 * (no dialog, no new element), a long output is cut with a marker, and the baseline view lists exactly the
 * flips `compare` finds, pass to fail first, with a word diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../../helpers/cli.js';
import { useReportPages } from './report-pages.js';
import { HOSTILE_OUTPUTS, LONG_ANSWER_CHARS } from './mock-runs.js';

describe('report.html safety and baseline view in Chromium', { timeout: 120_000 }, () => {
  const pages = useReportPages();
  const open = (file: string, hash?: string) => pages.open(file, { hash });

  it('shows hostile outputs as text in the grid and the detail view, with no dialog and no new element', async () => {
    const page = await open('head/report.html');
    const elementsBefore = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, links: document.links.length }));
    // The page's own script elements only: the data blocks and the page script, as many as the file opens.
    const scriptTags = readFileSync(join(pages.dir, 'head/report.html'), 'utf8').match(/<script/g)!.length;
    expect(elementsBefore).toEqual({ scripts: scriptTags, images: 0, links: 0 });
    for (const [country, output] of Object.entries(HOSTILE_OUTPUTS)) {
      const cell = pages.head.cells.find((candidate) => candidate.output === output && candidate.messages.some((message) => typeof message.content === 'string' && message.content.includes(country)))!;
      const preview = page.locator(`.grid-row[data-case="${cell.case}"][data-prompt="${cell.prompt}"] .cell[data-model="${cell.model}"] .preview`);
      expect(await preview.textContent()).toBe(output.replace(/\s+/g, ' '));
      await preview.click();
      await expect.poll(() => page.getByTestId('detail-output').textContent()).toBe(output);
      await page.keyboard.press('Escape');
    }
    const searchCell = pages.head.cells.find((cell) => cell.citations.some((citation) => citation.url.startsWith('javascript:')))!;
    await page.locator(`.grid-row[data-case="${searchCell.case}"][data-prompt="${searchCell.prompt}"] .cell[data-model="${searchCell.model}"]`).click();
    await expect.poll(() => page.getByTestId('detail').locator('li code').first().textContent()).toBe('javascript:alert(5)');
    await page.keyboard.press('Escape');
    const elementsAfter = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, links: document.links.length }));
    expect(elementsAfter).toEqual(elementsBefore);
    await page.close();
  });

  it('cuts an output above 4,000 characters in the page and says so, while results.json keeps it whole', async () => {
    const long = pages.head.cells.find((cell) => cell.output?.length === LONG_ANSWER_CHARS)!;
    const page = await open('head/report.html', `#cell=${encodeURIComponent(long.id)}`);
    await expect.poll(() => page.getByTestId('detail-output').textContent()).toBe(long.output!.slice(0, 4000));
    expect(await page.getByTestId('detail').getByTestId('cut-marker').first().textContent()).toBe('[cut: showing 4,000 of 5,000 characters; results.json has the whole text]');
    await page.close();
  });

  it('lists exactly the flips compare finds, pass to fail first, each with a word diff', async () => {
    const compared = await runCli(['compare', join(pages.dir, 'base'), join(pages.dir, 'head'), '--format', 'json'], { env: cliEnv() });
    const report = JSON.parse(compared.stdout) as { verdict: string; flips: { id: string; direction: string }[]; models: { model: string; verdict: string }[] };
    expect(report.flips.length).toBeGreaterThan(0);
    const page = await open('head/compare.html', '#tab=baseline');
    const flips = await page.$$eval('[data-testid="flips"] .flip', (items) => items.map((item) => ({ id: item.getAttribute('data-id'), direction: item.getAttribute('data-direction') })));
    const expected = [...report.flips.filter((flip) => flip.direction === 'pass-to-fail'), ...report.flips.filter((flip) => flip.direction !== 'pass-to-fail')];
    expect(flips).toEqual(expected.map(({ id, direction }) => ({ id, direction })));
    expect(await page.locator('.flip del').count()).toBeGreaterThan(0);
    expect(await page.locator('.flip ins').count()).toBeGreaterThan(0);
    const verdicts = await page.$$eval('[data-testid="verdicts"] tbody tr', (rows) => rows.map((row) => [row.getAttribute('data-model'), row.querySelector('[data-testid="verdict"]')!.textContent]));
    const word = (verdict: string) => ({ regression: '▼ regression', improvement: '▲ improvement', 'no-change': '● no change' })[verdict];
    expect(verdicts).toEqual([['', word(report.verdict)], ...report.models.map((model) => [model.model, word(model.verdict)])]);
    await page.close();
  });

  it('filters the grid to the rows with a flipped cell', async () => {
    const compared = await runCli(['compare', join(pages.dir, 'base'), join(pages.dir, 'head'), '--format', 'json'], { env: cliEnv() });
    const flipped = new Set((JSON.parse(compared.stdout) as { flips: { prompt: string; case: string }[] }).flips.map((flip) => `${flip.prompt}/${flip.case}`));
    const page = await open('head/compare.html', '#show=flipped');
    const rows = await page.$$eval('.grid-row', (items) => items.map((row) => `${row.getAttribute('data-prompt')}/${row.getAttribute('data-case')}`));
    expect(new Set(rows)).toEqual(flipped);
    await page.close();
  });
});
