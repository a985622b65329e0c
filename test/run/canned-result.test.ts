import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../../src/assert/index.js';
import { OnetokenEvalError } from '../../src/errors.js';
import { cannedResult } from '../../src/run/canned-result.js';
import type { ToolResultSpec } from '../../src/suite/index.js';

const call = (name: string, args: unknown, argumentsError: string | null = null): ToolCall => ({ id: 'c1', name, arguments: args, argumentsError });

const results: Record<string, ToolResultSpec> = {
  get_weather: '{"city": "{{ args.city }}", "user": "{{ user }}"}',
  get_time: { time: '09:30', zone: 'UTC' },
  is_open: true,
  create_event: [
    { arguments: { date: '2026-03-02', guests: 4 }, result: 'created for {{ args.guests }}' },
    { arguments: { date: '2026-03-02' }, result: { status: 'created' } },
    { result: 'rejected' },
  ],
  lookup: [{ arguments: { id: 1 }, result: 'one' }],
};

describe('cannedResult', () => {
  it.each([
    { title: 'a template over the arguments and the case variables', call: call('get_weather', { city: 'Oslo' }), content: '{"city": "Oslo", "user": "Ana"}' },
    { title: 'JSON as its JSON text', call: call('get_time', {}), content: '{"time":"09:30","zone":"UTC"}' },
    { title: 'a boolean as JSON', call: call('is_open', {}), content: 'true' },
    { title: 'the first list entry whose arguments match', call: call('create_event', { date: '2026-03-02', guests: 4, title: 'x' }), content: 'created for 4' },
    { title: 'a later entry when an earlier one does not match', call: call('create_event', { date: '2026-03-02' }), content: '{"status":"created"}' },
    { title: 'the entry without arguments as the default', call: call('create_event', { date: '2027-01-01' }), content: 'rejected' },
    { title: 'the default entry for unparseable arguments', call: call('create_event', null, 'bad JSON'), content: 'rejected' },
    { title: 'nothing when no entry matches', call: call('lookup', { id: 2 }), content: null },
    { title: 'nothing for a tool without a canned result', call: call('delete_event', {}), content: null },
  ])('gives $title', ({ call: made, content }) => {
    expect(cannedResult(made, results, { user: 'Ana' })).toBe(content);
  });

  it('refuses a template naming an argument the call lacks, as a suite error naming the tool', () => {
    let caught: unknown;
    try {
      cannedResult(call('get_weather', { town: 'Oslo' }), results, { user: 'Ana' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OnetokenEvalError);
    expect((caught as OnetokenEvalError).code).toBe('OTE_SUITE_INVALID');
    expect((caught as Error).message).toMatch(/^tool_results\.get_weather: template variable "args\.city" is not defined/);
  });
});
