import { afterEach, describe, expect, it } from 'vitest';
import { BlockingMatcher } from '../../src/pattern/index.js';
import { scoreAnswer } from '../../src/assert/index.js';
import { makeAnswer } from '../assert/answer-fixture.js';

describe('BlockingMatcher', () => {
  let matcher: BlockingMatcher | null = null;
  afterEach(() => matcher?.stop());

  it('tests like a RegExp, synchronously', () => {
    matcher = new BlockingMatcher();
    expect(matcher.test('^x\\d+$', 'u', 'x12')).toBe(true);
    expect(matcher.test('^x\\d+$', 'u', 'y')).toBe(false);
    expect(matcher.test('CAPITAL', 'i', 'the capital')).toBe(true);
  });

  it('throws when a test overruns its limit, and the next test gets a fresh worker', () => {
    matcher = new BlockingMatcher(100);
    expect(() => matcher!.test('^(a+)+b$', '', 'a'.repeat(40))).toThrow(/took longer than 100 ms .*catastrophic backtracking/);
    expect(matcher.test('^a+$', '', 'aaa')).toBe(true);
  });

  it('gives ajv one engine per pattern, keyed as a RegExp is', () => {
    matcher = new BlockingMatcher();
    const engine = matcher.engine();
    expect(String(engine('^a', 'u'))).toBe('/^a/u');
    expect(engine('^a', 'u').test('ab')).toBe(true);
    expect(engine('^b', 'u').test('ab')).toBe(false);
    expect(() => engine('(', 'u')).toThrow(/Unterminated group/);
  });
});

describe('json-schema patterns', { timeout: 60_000 }, () => {
  it('tell schemas with different patterns apart', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string', pattern: '^x\\d+$' }, b: { type: 'string', pattern: '^y$' } } };
    const passes = await scoreAnswer(makeAnswer({ output: '{"a": "x12", "b": "y"}' }), { type: 'json-schema', value: schema });
    expect(passes).toMatchObject({ pass: true });
    const fails = await scoreAnswer(makeAnswer({ output: '{"a": "x12", "b": "z"}' }), { type: 'json-schema', value: schema });
    expect(fails).toMatchObject({ pass: false, reason: expect.stringContaining('/b must match pattern "^y$"') });
  });

  it('error the assertion when a backtracking pattern overruns the limit, instead of blocking the process', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+b$' } } };
    const result = await scoreAnswer(makeAnswer({ output: JSON.stringify({ name: 'a'.repeat(40) }) }), { type: 'json-schema', value: schema });
    expect(result.error).toMatch(/pattern \/\^\(a\+\)\+b\$\/u took longer than 1000 ms/);
  });
});
