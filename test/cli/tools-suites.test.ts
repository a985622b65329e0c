/**
 * The bundled tools and conversation suites end to end through the built binary and the built-in mock: a
 * realistic mix of passes and failures, tool calls in every report, images as references only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, makeTempDir, runCli } from '../helpers/cli.js';

describe('bundled tools and conversation suites', { timeout: 60_000 }, () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir();
  });
  afterAll(() => temp.remove());

  const run = (suite: string, out: string) =>
    runCli(['run', suite, '--mock', '--out', out, '--no-cache', '--quiet', '--junit', join(out, 'junit.xml')], { env: cliEnv() });

  it.each(['suites/tools.yaml', 'suites/conversation.yaml'])('runs %s against the mock with some cells passing and some failing', async (suite) => {
    const out = join(temp.path, suite.replace(/\W/g, '-'));
    const result = await run(suite, out);
    expect(result.code, result.stderr).toBe(1);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { version: number; summary: { passed: number; failed: number; errored: number } };
    expect(results.version).toBe(4);
    expect(results.summary.passed).toBeGreaterThan(0);
    expect(results.summary.failed).toBeGreaterThan(0);
    expect(results.summary.errored).toBe(0);
  });

  it('shows tool calls in results.csv, comparison.csv, summary.md and JUnit', async () => {
    const out = join(temp.path, 'tools-reports');
    await run('suites/tools.yaml', out);
    const csv = readFileSync(join(out, 'results.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain(',output,tool_calls,finish_reason,');
    expect(csv).toContain('""name"":""list_events""');
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8')).toContain('list_events({""date"":""2026-03-02""})');
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('assistant: get_weather(');
    expect(summary).toContain('tool get_weather:');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('tool get_weather:');
  });

  it('records the image turn by reference and never writes its bytes', async () => {
    const out = join(temp.path, 'conversation-image');
    await run('suites/conversation.yaml', out);
    const results = readFileSync(join(out, 'results.json'), 'utf8');
    expect(results).toMatch(/\{"type":"image","file":"images\/router-leds\.png","sha256":"[0-9a-f]{64}","bytes":\d+,"detail":"low"\}/);
    for (const file of ['results.json', 'cells.jsonl', 'results.csv', 'comparison.csv', 'summary.md', 'junit.xml']) {
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain('base64');
    }
  });
});
