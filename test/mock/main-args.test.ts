import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseMockServerArgs } from '../../src/mock/index.js';

describe('parseMockServerArgs', () => {
  it('reads every flag, spaced or with =', () => {
    const args = parseMockServerArgs([
      '--port', '0', '--latency-ms=25', '--jitter-ms', '5', '--seed', '9',
      '--stream-chunk-delay-ms', '2', '--host', '::1', '--fixtures', 'f.yaml', '--no-log',
    ]);
    expect(args).toEqual({
      options: { port: 0, latencyMs: 25, jitterMs: 5, seed: 9, streamChunkDelayMs: 2, host: '::1', keepRequestLog: false },
      fixturesFile: 'f.yaml',
    });
  });

  it('gives empty options for no flags', () => {
    expect(parseMockServerArgs([])).toEqual({ options: {}, fixturesFile: null });
  });

  it.each([
    [['--verbose'], /^unknown flag "--verbose"/],
    [['--port'], /^--port: expected a value, got nothing/],
    [['--latency-ms', 'fast'], /^--latency-ms: expected a non-negative number, got "fast"/],
    [['--port', '-3'], /^--port: expected a non-negative number/],
  ])('rejects %j with a UsageError naming the flag', (argv, message) => {
    expect(() => parseMockServerArgs(argv)).toThrow(UsageError);
    expect(() => parseMockServerArgs(argv)).toThrow(message);
  });
});
