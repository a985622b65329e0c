import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreAnswer, type AssertionSpec } from '../../src/assert/index.js';
import { CheckPool } from '../../src/run/index.js';
import { makeAnswer } from '../assert/answer-fixture.js';

const FILE = join('test', 'fixtures', 'suites', 'checks', 'shapes.mjs');
const pool = new CheckPool(2);
afterAll(() => pool.close());

/** Scores `output` with the check function `name` of the fixture module through the worker pool. */
function check(name: string | null, output = 'The capital is Paris', extra: Partial<AssertionSpec> = {}) {
  const spec: AssertionSpec = { type: 'javascript', file: FILE, ...(name === null ? {} : { function: name }), ...extra };
  return scoreAnswer(makeAnswer({ output }), spec, { runCheck: pool.runCheck, vars: { city: 'Paris' } });
}

describe('javascript checks in worker threads', () => {
  it('reads true and false as pass and fail', async () => {
    expect(await check('yes')).toMatchObject({ pass: true, score: 1, error: null });
    expect(await check('no')).toMatchObject({ pass: false, score: 0, error: null });
  });

  it('reads a number as the score, passing from 0.5 unless threshold says otherwise', async () => {
    expect(await check('fraction')).toMatchObject({ pass: false, score: 0.25, error: null });
    expect(await check('fraction', undefined, { threshold: 0.2 })).toMatchObject({ pass: true, score: 0.25 });
  });

  it('reads {pass, score, reason} and quotes the reason', async () => {
    const result = await check('verdict');
    expect(result).toMatchObject({ pass: true, score: 0.75, error: null });
    expect(result.reason).toContain('looked for Paris');
  });

  it('awaits an async check and calls the default export without a function name', async () => {
    expect(await check('later')).toMatchObject({ pass: true, error: null });
    expect(await check(null)).toMatchObject({ pass: true, error: null });
    expect(await check(null, 'A capital')).toMatchObject({ pass: false, error: null });
  });

  it('runs a check that imports a local module', async () => {
    expect(await check('usesLocal', 'paris')).toMatchObject({ pass: true, error: null });
  });

  it('gives the check its context: vars, config, the answer JSON and the cell', async () => {
    const result = await scoreAnswer(
      makeAnswer({ output: '{"a": 5}' }),
      { type: 'javascript', file: FILE, function: 'seesContext', config: { n: 2 } },
      { runCheck: pool.runCheck, vars: { city: 'Paris' }, cell: { prompt: 'p', case: 'c1', model: 'm', modelId: 'm-id', repeat: 0, messages: [], usage: null } },
    );
    expect(result.reason).toContain('["Paris",2,5,"m","c1"]');
  });

  it.each([
    ['nothing', /got undefined \(did the function forget to return\?\)/],
    ['text', /got string "yes"/],
    ['tooBig', /got number 7/],
    ['fn', /returned a function that cannot be copied out of the worker/],
  ])('errors the assertion when %s comes back, saying what came back', async (name, words) => {
    const result = await check(name);
    expect(result.pass).toBe(false);
    expect(result.error).toMatch(words);
  });

  it('errors a throw with its message and the file:line it came from', async () => {
    const result = await check('throws');
    expect(result.error).toMatch(/threw TypeError: cannot judge The capital is Paris \(at test\/fixtures\/suites\/checks\/shapes\.mjs:16\)/);
  });

  it('ends an infinite loop at the time limit, errors it, and keeps working', async () => {
    const result = await check('loops', undefined, { timeoutMs: 100 });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.error).toMatch(/timed out after 100 ms/);
    expect(await check('yes')).toMatchObject({ pass: true, error: null });
  });

  it('errors a check that exits its worker', async () => {
    expect((await check('exits')).error).toMatch(/ended its worker \(exit code 3\)/);
  });

  it('evaluates an inline expression over output and context', async () => {
    const score = (value: string, output: string) => scoreAnswer(makeAnswer({ output }), { type: 'javascript', value }, { runCheck: pool.runCheck, vars: { city: 'Paris' } });
    expect(await score('output.includes(context.vars.city)', 'Paris!')).toMatchObject({ pass: true });
    expect(await score('output.length < 3', 'Paris!')).toMatchObject({ pass: false, error: null });
    expect((await score('output.nope.deeper', 'x')).error).toMatch(/threw TypeError: .*\(at the expression, line 1\)/);
  });

  it('hides the API key from checks', async () => {
    process.env.ONETOKEN_API_KEY = 'sk-test-hidden';
    try {
      const result = await scoreAnswer(makeAnswer(), { type: 'javascript', value: 'process.env.ONETOKEN_API_KEY === undefined' }, { runCheck: pool.runCheck });
      expect(result.pass).toBe(true);
    } finally {
      delete process.env.ONETOKEN_API_KEY;
    }
  });
});

describe('JavaScript transforms in worker threads', () => {
  it('turns a returned object into JSON text for the assertion', async () => {
    const result = await scoreAnswer(makeAnswer({ output: 'The capital is Paris' }), { type: 'equals', value: '{"city":"Paris"}', transform: { file: FILE, function: 'pickCity' } }, { runCheck: pool.runCheck });
    expect(result).toMatchObject({ pass: true, error: null });
  });

  it('errors the assertion when the transform throws', async () => {
    const result = await scoreAnswer(makeAnswer({ output: 'x' }), { type: 'contains', value: 'x', transform: { file: FILE, function: 'throws' } }, { runCheck: pool.runCheck });
    expect(result.error).toMatch(/^transform test\/fixtures\/suites\/checks\/shapes\.mjs#throws: threw TypeError: cannot judge x/);
  });
});
