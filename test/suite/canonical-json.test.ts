import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, deriveCaseId, sha256Hex } from '../../src/suite/index.js';

describe('canonicalJson', () => {
  it.each([
    { value: null, text: 'null' },
    { value: undefined, text: 'null' },
    { value: 'a"b\n', text: '"a\\"b\\n"' },
    { value: 1.5, text: '1.5' },
    { value: [], text: '[]' },
    { value: {}, text: '{}' },
    { value: { b: 1, a: [2, { d: undefined, c: null }] }, text: '{"a":[2,{"c":null}],"b":1}' },
    { value: [undefined, 1], text: '[null,1]' },
    { value: { 'é': 1, z: 2, A: 3 }, text: '{"A":3,"z":2,"é":1}' },
  ])('writes $text', ({ value, text }) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: { b: 1, a: 2 }, y: [1] })).toBe(canonicalJson({ y: [1], x: { a: 2, b: 1 } }));
  });
});

describe('sha256Hex', () => {
  it('equals the sha256 digest of the text in hex', () => {
    for (const text of ['', 'abc', 'ünïcode ✓', 'x'.repeat(10_000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('deriveCaseId', () => {
  it.each([
    { vars: { country: 'France' }, slug: 'france' },
    { vars: { country: 'Côte d’Ivoire' }, slug: 'cote-d-ivoire' },
    { vars: { n: 42, country: 'x' }, slug: '42' },
    { vars: { list: [1] }, slug: 'case' },
    { vars: {}, slug: 'case' },
    { vars: { q: 'A very long question that goes on and on' }, slug: 'a-very-long-question-tha' },
  ])('starts with "$slug" for $vars', ({ vars, slug }) => {
    expect(deriveCaseId(vars)).toMatch(new RegExp(`^${slug}-[0-9a-f]{6}$`));
  });

  it('hashes every variable whatever their order, and slugs the first one', () => {
    expect(deriveCaseId({ a: 'x', b: 'y' })).toBe(deriveCaseId({ a: 'x', b: 'y' }));
    expect(deriveCaseId({ a: 'x', b: 'y' }).slice(-6)).toBe(deriveCaseId({ b: 'y', a: 'x' }).slice(-6));
    expect(deriveCaseId({ a: 'x', b: 'y' })).not.toBe(deriveCaseId({ a: 'x', b: 'z' }));
  });
});
