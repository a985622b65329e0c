import { describe, expect, it } from 'vitest';
import { applyTransform, parseTransform, scoreAnswer, validateAssertion, type Transform } from '../../src/assert/index.js';
import { makeAnswer } from './answer-fixture.js';

/** Applies a written transform to `output`. */
async function transform(spec: unknown, output: string) {
  const parsed = parseTransform(spec);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return applyTransform(parsed as Transform, makeAnswer({ output }), {});
}

describe('built-in transforms', () => {
  it.each([
    ['trim', '  Paris \n', 'Paris'],
    ['lowercase', 'PaRis', 'paris'],
    ['json', 'Here:\n```json\n{ "a": { "b": 1 } }\n```', '{"a":{"b":1}}'],
    ['json-path: $.a.b', '{"a": {"b": "x"}}', 'x'],
    [{ 'json-path': 'a.list[1]' }, '{"a": {"list": [1, {"k": 2}]}}', '{"k":2}'],
    ['regex: "capital is (\\w+)"', 'The capital is Paris.', 'Paris'],
    [{ regex: '\\d+' }, 'about 42 km', '42'],
  ])('%j turns %j into %j', async (spec, output, expected) => {
    expect(await transform(spec, output)).toEqual({ ok: true, output: expected });
  });

  it.each([
    ['json', 'not json', /^transform json: not JSON/],
    ['json-path: $.missing', '{"a": 1}', /^transform json-path \$\.missing: nothing at \$\.missing/],
    [{ regex: 'x(\\d)' }, 'none', /^transform regex \/x\(\\d\)\/: no match in "none"/],
  ])('%j fails on %j with a reason', async (spec, output, words) => {
    const outcome = await transform(spec, output);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(words);
  });

  it('applies an assertion transform to that assertion alone', async () => {
    const answer = makeAnswer({ output: 'PARIS' });
    expect(await scoreAnswer(answer, { type: 'starts-with', value: 'pa' })).toMatchObject({ pass: false });
    expect(await scoreAnswer(answer, { type: 'starts-with', value: 'pa', transform: 'lowercase' })).toMatchObject({ pass: true });
  });

  it('errors the assertion when its transform fails', async () => {
    const result = await scoreAnswer(makeAnswer({ output: 'plain' }), { type: 'equals', value: '1', transform: 'json-path: $.a' });
    expect(result).toMatchObject({ pass: false, score: 0 });
    expect(result.error).toMatch(/^transform json-path \$\.a: not JSON/);
  });

  it.each([
    ['upcase', /unknown transform "upcase"/],
    [{ regex: '(' }, /invalid regex/],
    [{ 'json-path': '$..' }, /invalid path/],
    [{ regex: 'a', file: 'x.mjs' }, /exactly one of/],
    [{ function: 'pick' }, /exactly one of/],
  ])('refuses the transform %j when the suite is validated', (spec, words) => {
    const issues = validateAssertion({ type: 'contains', value: 'x', transform: spec });
    expect(issues.map((issue) => issue.message).join('\n')).toMatch(words);
  });
});
