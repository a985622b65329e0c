import { describe, expect, it } from 'vitest';
import { scoreAnswer, type AssertionSpec } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** Scores `output` against `spec` and returns the result. */
async function score(output: string, spec: AssertionSpec) {
  return scoreAnswer(makeAnswer({ output }), spec);
}

describe('text kinds', () => {
  it.each([
    { spec: { type: 'equals', value: 'Paris' }, output: 'Paris', pass: true },
    { spec: { type: 'equals', value: 'Paris' }, output: '  Paris\n', pass: true },
    { spec: { type: 'equals', value: 'Paris' }, output: 'paris', pass: false },
    { spec: { type: 'equals', value: '' }, output: '', pass: true },
    { spec: { type: 'equals', value: 'Paris' }, output: '', pass: false },
    { spec: { type: 'contains', value: 'Paris' }, output: 'The capital is Paris.', pass: true },
    { spec: { type: 'contains', value: 'Paris' }, output: 'the capital is paris', pass: false },
    { spec: { type: 'contains', value: 'Paris' }, output: '', pass: false },
    { spec: { type: 'icontains', value: 'brasília' }, output: 'A capital é BRASÍLIA.', pass: true },
    { spec: { type: 'icontains', value: 'BRASÍLIA' }, output: 'brasília', pass: true },
    // "í" written as i + combining acute accent (NFD) still matches the composed form.
    { spec: { type: 'icontains', value: 'Brasília' }, output: 'BRASI\u0301LIA', pass: true },
    { spec: { type: 'icontains', value: 'STRASSE' }, output: 'Hauptstraße 5', pass: true },
    { spec: { type: 'icontains', value: 'ﬁnal' }, output: 'the FINAL answer', pass: true },
    { spec: { type: 'icontains', value: 'Lyon' }, output: 'Paris', pass: false },
    { spec: { type: 'contains-any', value: ['Paris', 'Lyon'] }, output: 'Lyon, I think', pass: true },
    { spec: { type: 'contains-any', value: ['Paris', 'Lyon'] }, output: 'Marseille', pass: false },
    { spec: { type: 'contains-all', value: ['Paris', 'France'] }, output: 'Paris is in France', pass: true },
    { spec: { type: 'contains-all', value: ['Paris', 'France'] }, output: 'Paris is nice', pass: false },
    { spec: { type: 'icontains-any', value: ['PARIS', 'lyon'] }, output: 'paris', pass: true },
    { spec: { type: 'icontains-all', value: ['PARIS', 'france'] }, output: 'Paris, France', pass: true },
    { spec: { type: 'icontains-all', value: ['PARIS', 'france'] }, output: 'Paris', pass: false },
    { spec: { type: 'starts-with', value: 'Yes' }, output: '\n Yes, it is.', pass: true },
    { spec: { type: 'starts-with', value: 'Yes' }, output: 'No. Yes.', pass: false },
    { spec: { type: 'regex', value: '^\\d+$' }, output: '42', pass: true },
    { spec: { type: 'regex', value: '^\\d+$' }, output: '42 apples', pass: false },
    { spec: { type: 'regex', value: '^paris$', flags: 'i' }, output: 'PARIS', pass: true },
    { spec: { type: 'regex', value: '^\\p{Lu}', flags: 'u' }, output: 'Élan', pass: true },
  ])('$spec.type $spec.value against $output passes: $pass', async ({ spec, output, pass }) => {
    const result = await score(output, spec);
    expect(result.error).toBeNull();
    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
  });

  it('explains a missing text with the expected value and a truncated answer', async () => {
    const result = await score(`The capital is Lyon ${'and more '.repeat(20)}`, { type: 'contains', value: 'Paris' });
    expect(result.reason).toMatch(/^expected to contain "Paris", got "The capital is Lyon and more.*…"$/);
  });

  it('names the missing values of contains-all', async () => {
    const result = await score('Paris is nice', { type: 'contains-all', value: ['Paris', 'France', 'Europe'] });
    expect(result.reason).toContain('missing "France" and "Europe"');
  });

  it('shows the pattern and flags of a failed regex', async () => {
    const result = await score('abc', { type: 'regex', value: '^\\d+$', flags: 'm' });
    // The pattern reads as it was written: one backslash, no JSON quoting (issue 16, item 16).
    expect(result.reason).toBe('expected to match /^\\d+$/m, got "abc"');
  });
});

describe('length', () => {
  it.each([
    { spec: { type: 'length', max: 5 }, output: 'Paris', pass: true },
    { spec: { type: 'length', max: 4 }, output: 'Paris', pass: false },
    { spec: { type: 'length', min: 6 }, output: 'Paris', pass: false },
    { spec: { type: 'length', min: 1, max: 10 }, output: '  Paris \n', pass: true },
    // Code points, not UTF-16 units: three emoji are three characters.
    { spec: { type: 'length', max: 3 }, output: '😀😀😀', pass: true },
    { spec: { type: 'length', min: 1 }, output: '', pass: false },
    { spec: { type: 'length', max: 3, unit: 'words' }, output: 'one two  three\n', pass: true },
    { spec: { type: 'length', max: 2, unit: 'words' }, output: 'one two three', pass: false },
    { spec: { type: 'length', max: 0, unit: 'words' }, output: '   ', pass: true },
  ])('length $spec.min..$spec.max $spec.unit of $output passes: $pass', async ({ spec, output, pass }) => {
    expect((await score(output, spec)).pass).toBe(pass);
  });

  it('reports the measured length against the bounds', async () => {
    const result = await score('one two three', { type: 'length', min: 1, max: 2, unit: 'words' });
    expect(result.reason).toBe('expected to have between 1 and 2 words, got 3 words');
  });
});
