/** The progress line (issue 16, items 11 and 12): cache hits are not requests, resumed cells count, one number format. */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { makeCell } from '../report/records.js';

/** A progress display on an injected clock that never draws on its own. */
function progressOf(total: number, now: () => number): Progress {
  return new Progress({ total, alreadyDone: 0, isTty: true, isQuiet: true, now, write: () => undefined });
}

describe('the progress line', () => {
  it('says a fully cached rerun made no requests and spent nothing', () => {
    let ms = 0;
    const progress = progressOf(30, () => ms);
    for (let index = 0; index < 30; index++) progress.cell(makeCell({ cached: true, attempts: 0, cost: 0.00004 }));
    ms = 13;
    expect(progress.line()).toBe('30/30 cells | 30 from cache, 0 requests | eta - | 0 failed | 0 errors | 0 retries | 450 tokens | spent $0');
  });

  it('counts requests, their rate, real spend with significant digits, and separators', () => {
    let ms = 0;
    const progress = progressOf(2000, () => ms);
    for (let index = 0; index < 1000; index++) progress.cell(makeCell({ cost: 0.000048, usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } }));
    progress.cell(makeCell({ pass: false, cost: null }));
    ms = 10_000;
    expect(progress.line()).toBe('1,001/2,000 cells | 1,001 requests, 100.1 req/s | eta 10s | 1 failed | 0 errors | 0 retries | 2,015 tokens | spent $0.0480');
  });

  it('shows "-" for spend when no cell has a price', () => {
    const progress = progressOf(1, () => 0);
    progress.cell(makeCell({ cost: null }));
    expect(progress.line()).toMatch(/\| 15 tokens \| spent -$/);
  });

  it('counts a resumed run toward the whole plan', () => {
    let ms = 0;
    const progress = progressOf(450, () => ms);
    progress.resumed(314);
    for (let index = 0; index < 136; index++) progress.cell(makeCell());
    ms = 1000;
    expect(progress.line()).toMatch(/^450\/450 cells \| 136 requests, 136\.0 req\/s \| eta - \|/);
  });

  it('counts grader calls beside answers, the cached ones of both as free, as the summary does', () => {
    const progress = progressOf(3, () => 0);
    const call = { model: 'judge', requestHash: 'g', usage: null, latencyMs: 1, error: null };
    progress.cell(makeCell({ cost: 0.001, graderCalls: [{ ...call, cached: false, cost: 0.0002 }, { ...call, cached: true, cost: 0.5 }] }));
    progress.cell(makeCell({ cached: true, cost: 0.5, graderCalls: [{ ...call, cached: false, cost: 0.0003 }] }));
    expect(progress.line()).toMatch(/\| spent \$0\.0015$/);
  });

  it('starts a resumed run from what its run directory already spent', () => {
    const progress = progressOf(2, () => 0);
    progress.resumed(1, 0.002);
    progress.cell(makeCell({ cost: 0.001 }));
    expect(progress.line()).toMatch(/^2\/2 cells .*\| spent \$0\.0030$/);
  });
});
