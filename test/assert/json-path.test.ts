import { describe, expect, it } from 'vitest';
import { formatJsonPath, parseJsonPath, resolveJsonPath } from '../../src/assert/json-path.js';

describe('parseJsonPath', () => {
  it.each([
    { path: '$', steps: [] },
    { path: '', steps: [] },
    { path: '$.contact.email', steps: ['contact', 'email'] },
    { path: 'contact.email', steps: ['contact', 'email'] },
    { path: 'items[0].name', steps: ['items', 0, 'name'] },
    { path: '$[0][1]', steps: [0, 1] },
    { path: '[2]', steps: [2] },
    { path: 'items[-1]', steps: ['items', -1] },
    { path: '$["odd key"].x', steps: ['odd key', 'x'] },
    { path: "$['it''s']", steps: undefined },
    { path: "$['a\"b']", steps: ['a"b'] },
    { path: '$["a\\"b"]', steps: ['a"b'] },
    { path: 'ключ.значение', steps: ['ключ', 'значение'] },
  ])('parses $path', ({ path, steps }) => {
    const parsed = parseJsonPath(path);
    if (steps === undefined) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, steps });
  });

  it.each(['a..b', 'a[', 'a[x]', '$.', 'a b', '$["\\q"]'])('rejects %s', (path) => {
    expect(parseJsonPath(path).ok).toBe(false);
  });
});

describe('resolveJsonPath', () => {
  const doc = { a: { b: [10, 20, { c: null }] }, 'x y': true };

  it.each([
    { steps: [], value: doc },
    { steps: ['a', 'b', 1], value: 20 },
    { steps: ['a', 'b', -1, 'c'], value: null },
    { steps: ['x y'], value: true },
  ])('finds the value at $steps', ({ steps, value }) => {
    expect(resolveJsonPath(doc, steps)).toEqual({ found: true, value });
  });

  it.each([
    { steps: ['a', 'z'], at: '$.a.z' },
    { steps: ['a', 'b', 3], at: '$.a.b[3]' },
    { steps: ['a', 'b', -4], at: '$.a.b[-4]' },
    { steps: ['a', 0], at: '$.a[0]' },
    { steps: ['a', 'b', 'length'], at: '$.a.b.length' },
    { steps: ['toString'], at: '$.toString' },
  ])('reports where $steps stops', ({ steps, at }) => {
    expect(resolveJsonPath(doc, steps)).toEqual({ found: false, at });
  });
});

describe('formatJsonPath', () => {
  it('quotes keys that are not plain names', () => {
    expect(formatJsonPath(['a', 0, 'odd key', 'b-c'])).toBe('$.a[0]["odd key"].b-c');
  });
});
