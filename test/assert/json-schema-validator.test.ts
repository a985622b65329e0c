import { describe, expect, it } from 'vitest';
import { compileJsonSchema, describeSchemaErrors, jsonSchemaProblem } from '../../src/assert/json-schema-validator.js';

describe('compileJsonSchema', () => {
  it('reuses the compiled validator for an equal schema in a fresh object', () => {
    const first = compileJsonSchema({ type: 'object', required: ['cache-test'] });
    const second = compileJsonSchema({ type: 'object', required: ['cache-test'] });
    expect(second).toBe(first);
  });

  it('ignores keywords from other tools instead of refusing the schema', () => {
    expect(jsonSchemaProblem({ type: 'string', example: 'x', nullable: true })).toBeUndefined();
  });

  it('reports a schema that cannot compile', () => {
    expect(jsonSchemaProblem({ type: 'strnig' })).toMatch(/type/);
    expect(jsonSchemaProblem({ $ref: '#/definitions/missing' })).toMatch(/missing/);
  });

  it.each([
    { format: 'date', good: '2024-02-29', bad: '2024-13-01' },
    { format: 'date-time', good: '2024-02-29T10:00:00Z', bad: '2024-02-29 10:00' },
    { format: 'time', good: '10:00:00+02:00', bad: '25:00:00' },
    { format: 'email', good: 'ada@example.com', bad: 'ada@example' },
    { format: 'uri', good: 'https://example.com/a?b=1', bad: 'example.com' },
    { format: 'uuid', good: '123e4567-e89b-12d3-a456-426614174000', bad: '123e4567' },
    { format: 'ipv4', good: '192.168.0.1', bad: '256.1.1.1' },
  ])('checks the $format format', ({ format, good, bad }) => {
    const validate = compileJsonSchema({ type: 'string', format });
    expect(validate(good)).toBe(true);
    expect(validate(bad)).toBe(false);
  });
});

describe('describeSchemaErrors', () => {
  it('writes each error as pointer and message, root as (root)', () => {
    const validate = compileJsonSchema({ type: 'object', properties: { age: { type: 'integer' } }, required: ['name'] });
    validate({ age: 'x' });
    expect(describeSchemaErrors(validate.errors ?? [])).toBe("(root) must have required property 'name'; /age must be integer");
  });
});
