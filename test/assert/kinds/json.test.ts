import { describe, expect, it } from 'vitest';
import { scoreAnswer, type AssertionSpec } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** Scores `output` against `spec` and returns the result. */
async function score(output: string, spec: AssertionSpec) {
  return scoreAnswer(makeAnswer({ output }), spec);
}

const fenced = 'Here you go:\n\n```json\n{"name": "Ada", "age": 36}\n```\nAnything else?';

describe('is-json', () => {
  it.each([
    { output: '{"a": 1}', pass: true },
    { output: '  [1, 2]\n', pass: true },
    { output: '42', pass: true },
    { output: fenced, pass: true },
    { output: 'Sure:\n```\n{"a": 1}\n```', pass: true },
    { output: '', pass: false },
    { output: '{"a": 1,}', pass: false },
    { output: 'The answer is {"a": 1}', pass: false },
    { output: '```python\nprint(1)\n```\nno json here\n```', pass: false },
    { output: '```json\n{broken\n```', pass: false },
  ])('judges $output as JSON: $pass', async ({ output, pass }) => {
    expect((await score(output, { type: 'is-json' })).pass).toBe(pass);
  });

  it('says when the JSON was taken from a fenced block', async () => {
    const result = await score(fenced, { type: 'is-json' });
    expect(result.reason).toBe('is valid JSON, taken from a fenced json block');
  });

  it('explains why an answer is not JSON', async () => {
    const result = await score('{"a": 1,}', { type: 'is-json' });
    expect(result.reason).toMatch(/^expected to be valid JSON, got not JSON \(.+\): "\{\\"a\\": 1,\}"$/);
  });

  it('names a broken fenced block', async () => {
    const result = await score('```json\n{broken\n```', { type: 'is-json' });
    expect(result.reason).toContain('the fenced json block is not JSON');
  });
});

describe('json-schema', () => {
  const person = {
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'integer' }, email: { type: 'string', format: 'email' } },
    required: ['name', 'age'],
  };

  it.each([
    { output: '{"name": "Ada", "age": 36}', pass: true },
    { output: fenced, pass: true },
    { output: '{"name": "Ada", "age": 36.5}', pass: false },
    { output: '{"name": "Ada"}', pass: false },
    { output: '{"name": "Ada", "age": 36, "email": "ada@example.com"}', pass: true },
    { output: '{"name": "Ada", "age": 36, "email": "not an email"}', pass: false },
    { output: 'not json', pass: false },
    { output: '', pass: false },
  ])('validates $output: $pass', async ({ output, pass }) => {
    const result = await score(output, { type: 'json-schema', value: person });
    expect(result.error).toBeNull();
    expect(result.pass).toBe(pass);
  });

  it('lists the schema errors with their JSON pointers', async () => {
    const result = await score('{"age": 36.5}', { type: 'json-schema', value: person });
    expect(result.reason).toBe(
      "expected to be JSON matching the schema, got (root) must have required property 'name'; /age must be integer",
    );
  });

  it('caps the listed errors and counts the rest', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } } };
    const result = await score('{"a": 1, "b": 2, "c": 3, "d": 4}', { type: 'json-schema', value: schema });
    expect(result.reason).toMatch(/\/c must be string \(\+1 more\)$/);
  });

  it('uses draft 2020-12 when the schema declares it', async () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'number' }], items: false };
    expect((await score('[1]', { type: 'json-schema', value: schema })).pass).toBe(true);
    expect((await score('[1, 2]', { type: 'json-schema', value: schema })).pass).toBe(false);
  });
});

describe('json-path', () => {
  const output = '{"contact": {"email": "ada@example.com", "tags": []}, "items": [{"name": "a"}, {"name": "b"}], "odd key": 1}';

  it.each([
    { spec: { path: '$.contact.email', value: 'ada@example.com' }, pass: true },
    { spec: { path: 'contact.email', value: 'ada@example.com' }, pass: true },
    { spec: { path: 'contact.email', value: 'bob@example.com' }, pass: false },
    { spec: { path: 'items[0].name', value: 'a' }, pass: true },
    { spec: { path: 'items[-1].name', value: 'b' }, pass: true },
    { spec: { path: 'items[2].name' }, pass: false },
    { spec: { path: '$["odd key"]', value: 1 }, pass: true },
    { spec: { path: '$.contact', value: { tags: [], email: 'ada@example.com' } }, pass: true },
    { spec: { path: '$.contact.tags', value: [] }, pass: true },
    { spec: { path: '$.contact.phone' }, pass: false },
    { spec: { path: '$.contact.email' }, pass: true },
    { spec: { path: '$["odd key"]', value: '1' }, pass: false },
  ])('$spec.path = $spec.value passes: $pass', async ({ spec, pass }) => {
    expect((await score(output, { type: 'json-path', ...spec })).pass).toBe(pass);
  });

  it('reads JSON from a fenced block', async () => {
    expect((await score(fenced, { type: 'json-path', path: 'age', value: 36 })).pass).toBe(true);
  });

  it('says where the path stopped finding anything', async () => {
    const result = await score(output, { type: 'json-path', path: 'contact.address.city' });
    expect(result.reason).toBe('expected to have a value at $.contact.address.city, got nothing at $.contact.address');
  });

  it('shows the value found when it differs', async () => {
    const result = await score(output, { type: 'json-path', path: 'items[1].name', value: 'c' });
    expect(result.reason).toBe('expected to have "c" at $.items[1].name, got "b" at $.items[1].name');
  });

  it('fails on an answer that is not JSON', async () => {
    const result = await score('no', { type: 'json-path', path: 'a' });
    expect(result.pass).toBe(false);
    expect(result.error).toBeNull();
  });
});
