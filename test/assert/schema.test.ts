import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assertionSpecSchema, assertionTypes, validateAssertion } from '../../src/assert/index.js';

describe('validateAssertion', () => {
  it.each([
    { type: 'equals', value: 'Paris' },
    { type: 'not-contains', value: 'error', weight: 2, metric: 'safety' },
    { type: 'contains', value: 'x', not: true, weight: 0 },
    { type: 'regex', value: '^\\d+$', flags: 'im' },
    { type: 'length', max: 200, unit: 'words' },
    { type: 'is-json' },
    { type: 'json-schema', value: { type: 'object', required: ['a'] } },
    { type: 'json-path', path: 'items[0].name', value: { nested: [1, null] } },
    { type: 'similar', value: 'Paris', threshold: 0.5 },
    { type: 'citation-domain', value: ['wikipedia.org', 'paris.fr'] },
    { type: 'llm-rubric', value: 'Names Paris', model: 'gpt-4o', threshold: 0.7 },
  ])('accepts $type', (spec) => {
    expect(validateAssertion(spec)).toEqual([]);
  });

  it.each([
    { spec: { type: 'contians', value: 'x' }, path: ['type'], message: 'unknown assertion type "contians" (did you mean "contains"?)' },
    { spec: { type: 'not-contians', value: 'x' }, path: ['type'], message: 'unknown assertion type "not-contians" (did you mean "not-contains"?)' },
    { spec: { type: 'banana', value: 'x' }, path: ['type'], message: 'unknown assertion type "banana"' },
    { spec: { value: 'x' }, path: ['type'], message: 'missing assertion "type", such as "contains" or "llm-rubric"' },
    { spec: { type: 3 }, path: ['type'], message: 'expected assertion type to be a string, got number' },
    { spec: 'contains', path: [], message: 'expected an assertion object such as {type: contains, value: …}, got string' },
    { spec: { type: 'regex', value: '(' }, path: ['value'], message: 'invalid regex: unterminated group' },
    { spec: { type: 'regex', value: 'a', flags: 'gg' }, path: ['flags'], message: 'invalid regex flags "gg": expected distinct letters from "dgimsuvy", not both u and v' },
    { spec: { type: 'regex', value: 'a', flag: 'i' }, path: [], message: 'unknown option "flag" for regex (did you mean "flags"?)' },
    { spec: { type: 'contains', value: 'a', wieght: 2 }, path: [], message: 'unknown option "wieght" for contains (did you mean "weight"?)' },
    { spec: { type: 'contains', value: 42 }, path: ['value'], message: 'expected string, got number' },
    { spec: { type: 'contains', value: '' }, path: ['value'], message: 'expected a non-empty string' },
    { spec: { type: 'contains' }, path: ['value'], message: 'expected string, got undefined' },
    { spec: { type: 'contains-any', value: 'Paris' }, path: ['value'], message: 'expected array, got string' },
    { spec: { type: 'contains-all', value: [] }, path: ['value'], message: 'expected at least 1 item' },
    { spec: { type: 'contains', value: 'a', weight: -1 }, path: ['weight'], message: 'expected a number >= 0, got -1' },
    { spec: { type: 'contains', value: 'a', not: 'yes' }, path: ['not'], message: 'expected boolean, got string' },
    { spec: { type: 'not-contains', value: 'a', not: true }, path: ['not'], message: '"not: true" with type "not-contains" negates twice; use one of them' },
    { spec: { type: 'length' }, path: [], message: 'length needs "min", "max" or both' },
    { spec: { type: 'length', min: 5, max: 2 }, path: ['min'], message: 'expected min <= max, got min 5 and max 2' },
    { spec: { type: 'length', max: 2.5 }, path: ['max'], message: 'expected integer, got 2.5' },
    { spec: { type: 'length', max: 5, unit: 'letters' }, path: ['unit'], message: 'expected one of "chars", "words", got "letters"' },
    { spec: { type: 'similar', value: 'a', threshold: 1.5 }, path: ['threshold'], message: 'expected a number <= 1, got 1.5' },
    { spec: { type: 'json-schema', value: { type: 'strnig' } }, path: ['value'], message: expect.stringMatching(/^invalid JSON Schema: /) },
    { spec: { type: 'json-schema', value: '{"type": "object"}' }, path: ['value'], message: 'expected object, got string' },
    { spec: { type: 'json-path', path: 'a..b' }, path: ['path'], message: 'invalid path "a..b": unexpected "..b"' },
    { spec: { type: 'citation-domain', value: 'https://paris.fr' }, path: ['value'], message: 'expected a domain such as "example.com", got "https://paris.fr"' },
    { spec: { type: 'citation-domain', value: ['paris.fr', 'a b'] }, path: ['value', 1], message: 'expected a domain such as "example.com", got "a b"' },
    { spec: { type: 'latency' }, path: ['max'], message: 'expected number, got undefined' },
    { spec: { type: 'latency', max: '2s' }, path: ['max'], message: 'expected number, got string' },
    { spec: { type: 'has-citation', min: 0 }, path: ['min'], message: 'expected a number >= 1, got 0' },
  ])('reports $message', ({ spec, path, message }) => {
    expect(validateAssertion(spec)).toEqual([{ path, message }]);
  });

  it('reports every issue of a spec at once', () => {
    const issues = validateAssertion({ type: 'contains', value: 1, weight: 'heavy', extra: true });
    expect(issues.map((issue) => issue.path.join('.') || '(spec)').sort()).toEqual(['(spec)', 'value', 'weight']);
  });
});

describe('assertionSpecSchema', () => {
  it('accepts every kind and its not- variant by type', () => {
    const options = assertionSpecSchema.options.flatMap((option) => option.shape.type.options);
    for (const type of assertionTypes()) {
      expect(options).toContain(type);
      expect(options).toContain(`not-${type}`);
    }
  });

  it('uses the same unknown-type message as validateAssertion', () => {
    const result = assertionSpecSchema.safeParse({ type: 'icontain', value: 'x' });
    expect(result.error?.issues[0].message).toBe('unknown assertion type "icontain" (did you mean "icontains"?)');
  });

  it('converts to JSON Schema, one strict object per kind', () => {
    const json = z.toJSONSchema(z.array(assertionSpecSchema)) as { items: { oneOf: Record<string, unknown>[] } };
    expect(json.items.oneOf).toHaveLength(assertionTypes().length);
    const regex = json.items.oneOf.find((option) => JSON.stringify(option).includes('"not-regex"'));
    expect(regex).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['type', 'value'],
      properties: { type: { enum: ['regex', 'not-regex'] }, flags: { type: 'string' } },
    });
  });
});
