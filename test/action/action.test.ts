/**
 * The composite action (action.yml): its shell steps run locally through `composite-runner.ts` against our mock
 * server, with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, and a stub `gh` that records the comment calls.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockFixture, type MockServer } from '../../src/mock/index.js';
import { cliEnv, makeTempDir, ROOT, runCli } from '../helpers/cli.js';
import { readAction, runAction } from './composite-runner.js';

const WORSE_CAPITALS: MockFixture[] = [
  ['France', 'Lyon'], ['Japan', 'Osaka'], ['Canada', 'Toronto'], ['Brazil', 'Rio de Janeiro'], ['Turkey', 'Istanbul'],
  ['Egypt', 'Alexandria'], ['New Zealand', 'Auckland'],
].map(([country, city]) => ({ match: `capital of ${country}\\b`, answer: city }));

const SUITE = join(ROOT, 'suites', 'capitals.yaml');

describe('the GitHub Action', { timeout: 60_000 }, () => {
  let good: MockServer;
  let worse: MockServer;
  let temp: ReturnType<typeof makeTempDir>;
  const job = (server: MockServer) => ({ ONETOKEN_API_KEY: 'sk-test', ONETOKEN_BASE_URL: server.url, PATH: `${join(temp.path, 'bin')}:${process.env.PATH}` });
  const workspace = (name: string) => {
    const path = join(temp.path, name);
    mkdirSync(path, { recursive: true });
    return path;
  };

  beforeAll(async () => {
    good = await startMockServer({ port: 0 });
    worse = await startMockServer({ port: 0, fixtures: WORSE_CAPITALS });
    temp = makeTempDir();
    // A stub gh: logs its arguments, lists an existing comment only when told to.
    mkdirSync(join(temp.path, 'bin'));
    writeFileSync(join(temp.path, 'bin', 'gh'), '#!/bin/bash\nprintf "%s\\n" "$*" >> "$GH_LOG"\nif [ "$3" = "--paginate" ] && [ -n "$GH_EXISTING" ]; then echo "$GH_EXISTING"; fi\n');
    chmodSync(join(temp.path, 'bin', 'gh'), 0o755);
    // The baseline: a finished run of the suite, as a committed results.json would be.
    expect((await runCli(['run', SUITE, '--out', join(temp.path, 'baseline'), '--no-cache', '--quiet'], { env: cliEnv(job(good)) })).code).toBe(1);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([good.close(), worse.close()]);
    temp.remove();
  });

  it('pins every third-party action to a full commit SHA and reads inputs only through env', () => {
    const action = readAction();
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['suite', 'baseline', 'shards', 'shard', 'alpha', 'max-drop', 'min-pass-rate', 'args']));
    for (const step of action.runs.steps) {
      if (step.uses) expect(step.uses).toMatch(/^actions\/[\w-]+@[0-9a-f]{40}$/);
      if (step.run) expect(step.run).not.toContain('${{');
    }
  });

  it('passes a run whose only failures the baseline also had, with outputs, the step summary and a new comment', async () => {
    const dir = workspace('pass');
    const log = join(dir, 'gh.log');
    const result = await runAction({
      workspace: dir,
      inputs: { suite: SUITE, baseline: join(temp.path, 'baseline', 'results.json') },
      github: { event_name: 'pull_request', 'event.pull_request.number': '7' },
      env: { ...job(good), GH_LOG: log, GH_EXISTING: '' },
    });
    expect(result.codes).toMatchObject({ 'suite-hash': 0, run: 0, comment: 0, gate: 0 });
    expect(result.outputs).toMatchObject({ 'exit-code': '0', verdict: 'no-change', 'run-dir': 'onetoken-eval-results/capitals' });
    expect(Number(result.outputs['pass-rate'])).toBeGreaterThan(0.8);
    expect(result.outputs['suite-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(result.summary).toContain('# capitals: eval results');
    expect(result.summary).toContain('No significant change');
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('api repos/owner/repo/issues/7/comments --paginate --jq .[] | select(.body | startswith("<!-- onetoken-eval: ' + SUITE + '  -->")) | .id');
    expect(calls[1]).toMatch(/^api -X POST repos\/owner\/repo\/issues\/7\/comments -f body=<!-- onetoken-eval: .* -->\n?/);
    expect(readFileSync(log, 'utf8')).toContain('No significant change');
  });

  it('fails on a regression and edits the existing comment in place', async () => {
    const dir = workspace('regression');
    const log = join(dir, 'gh.log');
    const result = await runAction({
      workspace: dir,
      inputs: { suite: SUITE, baseline: join(temp.path, 'baseline') },
      github: { event_name: 'pull_request', 'event.pull_request.number': '7' },
      env: { ...job(worse), GH_LOG: log, GH_EXISTING: '42' },
    });
    expect(result.outputs).toMatchObject({ 'exit-code': '1', verdict: 'regression' });
    expect(result.codes).toMatchObject({ run: 0, comment: 0, gate: 1 });
    expect(result.logs.gate).toContain('::error::onetoken-eval: verdict regression;');
    expect(readFileSync(log, 'utf8')).toContain('api -X PATCH repos/owner/repo/issues/comments/42 -f body=<!-- onetoken-eval:');
    expect(result.summary).toContain('Regression');
  });

  it('runs one shard of n, gates it on its own rows, and does not comment outside a pull request', async () => {
    const dir = workspace('shard');
    const result = await runAction({
      workspace: dir,
      inputs: { suite: SUITE, baseline: join(temp.path, 'baseline'), shards: '3', shard: '2', 'min-pass-rate': '0.5', args: '--concurrency 4' },
      env: { ...job(good), GH_LOG: join(dir, 'gh.log') },
    });
    expect(result.codes).toMatchObject({ run: 0, gate: 0 });
    expect(result.codes.comment).toBeUndefined();
    expect(result.outputs).toMatchObject({ 'exit-code': '0', 'run-dir': 'onetoken-eval-results/capitals-shard-2' });
    const meta = JSON.parse(readFileSync(join(dir, 'onetoken-eval-results/capitals-shard-2/run.json'), 'utf8'));
    expect(meta.shard).toEqual({ index: 2, count: 3 });
  });

  it('fails with exit code 2 for a shard count without a shard', async () => {
    const result = await runAction({ workspace: workspace('no-shard'), inputs: { suite: SUITE, shards: '3' }, env: job(good) });
    expect(result.codes.run).toBe(2);
    expect(result.logs.run).toContain('::error::onetoken-eval: shards is 3, so shard (1..3) is required');
    expect(result.codes.gate).toBeUndefined();
  });
});
