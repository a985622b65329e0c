import { describe, expect, it } from 'vitest';
import { deepTemplateVariables, lookupVariable, renderDeep, renderTemplate, templateVariables } from '../../src/suite/index.js';
import { findMalformedPlaceholder } from '../../src/suite/template.js';

describe('templateVariables', () => {
  it.each([
    { template: 'no placeholders', names: [] },
    { template: '{{country}} and {{ country }}', names: ['country'] },
    { template: '{{ user.name }} at {{ user.company-name }}', names: ['user.name', 'user.company-name'] },
    { template: '{{ a }}{{ b_2 }}{{ a }}', names: ['a', 'b_2'] },
    { template: '{ single } and {{ 9lives }}', names: [] },
  ])('finds $names in "$template"', ({ template, names }) => {
    expect(templateVariables(template)).toEqual(names);
  });
});

describe('findMalformedPlaceholder', () => {
  it.each([
    { template: '{{ country name }}', bad: '{{ country name }}' },
    { template: 'ok {{ a }} then {{ a + b }}', bad: '{{ a + b }}' },
    { template: '{{}}', bad: '{{}}' },
    { template: '{{ 9lives }}', bad: '{{ 9lives }}' },
    { template: '{{ fine }} and {{ user.name }}', bad: null },
  ])('returns $bad for "$template"', ({ template, bad }) => {
    expect(findMalformedPlaceholder(template)).toBe(bad);
  });
});

describe('lookupVariable', () => {
  const vars = { country: 'France', 'user.name': 'literal', user: { name: 'nested', age: 0 }, empty: '' };

  it.each([
    { name: 'country', found: true, value: 'France' },
    { name: 'user.name', found: true, value: 'literal' },
    { name: 'user.age', found: true, value: 0 },
    { name: 'empty', found: true, value: '' },
    { name: 'user.email', found: false, value: undefined },
    { name: 'toString', found: false, value: undefined },
    { name: 'country.length', found: false, value: undefined },
  ])('looks up $name', ({ name, found, value }) => {
    expect(lookupVariable(vars, name)).toEqual({ found, value });
  });
});

describe('renderTemplate', () => {
  it.each([
    { template: 'Capital of {{ country }}?', vars: { country: 'France' }, out: 'Capital of France?' },
    { template: '{{ n }} + {{ flag }}', vars: { n: 42, flag: true }, out: '42 + true' },
    { template: '{{ list }} {{ obj }}', vars: { list: [1, 'a'], obj: { a: 1 } }, out: '[1,"a"] {"a":1}' },
    { template: '[{{ nothing }}]', vars: { nothing: null }, out: '[]' },
    { template: '{{ user.name }}', vars: { user: { name: 'Ana' } }, out: 'Ana' },
    { template: '{{ price }}', vars: { price: '$& {{ x }}' }, out: '$& {{ x }}' },
    { template: 'no braces', vars: {}, out: 'no braces' },
  ])('renders "$template" as "$out"', ({ template, vars, out }) => {
    expect(renderTemplate(template, vars)).toBe(out);
  });

  it('renders a placeholder used twice, text around it, and leaves malformed braces as text', () => {
    const template = '<{{ a }}|{{a}}|{{ b.c }}> {{ 1bad }} {{';
    expect(renderTemplate(template, { a: 'x', b: { c: 2 } })).toBe('<x|x|2> {{ 1bad }} {{');
    expect(renderTemplate(template, { a: 'y', b: { c: 3 } })).toBe('<y|y|3> {{ 1bad }} {{');
  });

  it('throws on an undefined variable rather than sending an empty string', () => {
    expect(() => renderTemplate('{{ missing }}', {})).toThrow('template variable "missing" is not defined');
  });
});

describe('renderDeep', () => {
  it('renders every string of an assertion spec and leaves other values alone', () => {
    const spec = { type: 'json-path', path: '$.email', value: '{{ email }}', weight: 2, nested: [{ note: 'for {{ name }}' }, null] };
    expect(renderDeep(spec, { email: 'ana@example.com', name: 'Ana' })).toEqual({
      type: 'json-path',
      path: '$.email',
      value: 'ana@example.com',
      weight: 2,
      nested: [{ note: 'for Ana' }, null],
    });
    expect(spec.value).toBe('{{ email }}');
  });

  it('lists the variables used anywhere inside a value', () => {
    expect([...deepTemplateVariables([{ value: '{{ a }}' }, { value: ['{{ b }}', 3] }, 'plain'])]).toEqual(['a', 'b']);
  });
});
