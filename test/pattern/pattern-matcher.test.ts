/** Issue 10, item 9: user regular expressions run with a time limit in a worker, and the main thread stays free. */
import { afterEach, describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/assert/index.js';
import { PatternMatcher } from '../../src/pattern/index.js';

const EVIL = '^(a+)+b$';
const ANSWER = 'a'.repeat(40);

describe('PatternMatcher', () => {
  let matcher: PatternMatcher | null = null;
  afterEach(() => matcher?.close());

  it('matches ordinary patterns with their flags', async () => {
    matcher = new PatternMatcher();
    await expect(matcher.match('^paris$', 'i', 'Paris')).resolves.toBe(true);
    await expect(matcher.match('^paris$', undefined, 'Paris')).resolves.toBe(false);
  });

  it('finds the first of several patterns with its named groups, or null', async () => {
    matcher = new PatternMatcher();
    const patterns = [{ source: 'dog' }, { source: 'capital of (?<country>\\w+)', flags: 'i' }, { source: 'capital' }];
    await expect(matcher.findFirst(patterns, 'The CAPITAL of France?')).resolves.toEqual({ index: 1, groups: { country: 'France' }, captured: 'France' });
    await expect(matcher.findFirst(patterns, 'nothing here')).resolves.toBeNull();
    await expect(matcher.findFirst([{ source: '(' }], 'x')).rejects.toThrow(/unterminated group/i);
  });

  it('captures group 1 of the first match, else the whole match, or null (the regex transform)', async () => {
    matcher = new PatternMatcher();
    await expect(matcher.capture('total: (\\d+)', '', 'the total: 42 items')).resolves.toBe('42');
    await expect(matcher.capture('\\d+', '', 'the total: 42 items')).resolves.toBe('42');
    await expect(matcher.capture('\\d+', '', 'no digits')).resolves.toBeNull();
  });

  it('stops a backtracking pattern and keeps the event loop running meanwhile', async () => {
    matcher = new PatternMatcher(1000);
    let settled = false;
    const pending = matcher.match(EVIL, undefined, ANSWER).finally(() => {
      settled = true;
    });
    // The loop turns while the worker backtracks: timers and signal handlers still run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await expect(pending).rejects.toThrow(/took longer than 1000 ms on this answer/);
    // A fresh worker takes the next match.
    await expect(matcher.match('a+', undefined, ANSWER)).resolves.toBe(true);
  });

  it('marks a regex assertion that overran as errored, not failed', async () => {
    matcher = new PatternMatcher(200);
    const answer = { output: ANSWER, finishReason: 'stop', latencyMs: 1, cost: null, completionTokens: null, citations: [], toolCalls: [], tools: [], responseSchema: null };
    const result = await scoreAnswer(answer, { type: 'regex', value: EVIL }, { match: matcher.match.bind(matcher) });
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(/took longer than 200 ms/);
  });

  it('captures group 1, else the whole match, or null, for the regex transform', async () => {
    matcher = new PatternMatcher();
    await expect(matcher.capture('capital is (\\w+)', undefined, 'The capital is Paris.')).resolves.toBe('Paris');
    await expect(matcher.capture('\\d+', undefined, 'about 42 km')).resolves.toBe('42');
    await expect(matcher.capture('x(\\d)', undefined, 'none')).resolves.toBeNull();
  });

  it('errors an assertion whose regex transform overran the time limit', async () => {
    matcher = new PatternMatcher(200);
    const answer = { output: ANSWER, finishReason: 'stop', latencyMs: 1, cost: null, completionTokens: null, citations: [], toolCalls: [], tools: [], responseSchema: null };
    const context = { match: matcher.match.bind(matcher), capture: matcher.capture.bind(matcher) };
    const result = await scoreAnswer(answer, { type: 'contains', value: 'a', transform: { regex: EVIL } }, context);
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(/^transform regex \/.*\/: the regular expression took longer than 200 ms/);
  });
});
