/**
 * The example workflow `.github/workflows/eval.yml` and the action it uses (`action.yml`) must fit together and
 * with the CLI: the workflow passes only inputs the action declares, its matrix matches the shard count, the key
 * comes from the repository secret only, every third-party action is pinned to a commit SHA, and every flag the
 * action's shell steps pass to `onetoken-eval` is listed by that command's `--help` in the built binary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliEnv, ROOT, runCli } from '../helpers/cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Job {
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}

const WORKFLOW = parse(readFileSync(join(ROOT, '.github', 'workflows', 'eval.yml'), 'utf8')) as { jobs: Record<string, Job> };
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { steps: Step[] } };

/** `(command, flags)` of every `main.js <command>` line of the action's shell steps, with the flags added to `args`. */
function actionCommands(): { command: string; flags: string[] }[] {
  const found: { command: string; flags: string[] }[] = [];
  for (const step of ACTION.runs.steps) {
    if (!step.run) continue;
    const script = step.run.replace(/\\\n/g, ' ');
    // `args=(run …)` and `args+=(…)` build the run command; other lines call main.js directly.
    const built = [...script.matchAll(/args\+?=\(([^)]*)\)/g)].map((match) => match[1]!).join(' ');
    if (/args=\(run /.test(script)) found.push({ command: 'run', flags: built.match(/--[a-z][a-z-]*/g) ?? [] });
    for (const match of script.matchAll(/main\.js" (validate|compare|merge|rescore) ([^\n]*)/g)) found.push({ command: match[1]!, flags: match[2]!.match(/--[a-z][a-z-]*/g) ?? [] });
  }
  return found;
}

/** True when the help text lists `flag` as an option (`--shard` does not match `--shard-total`). */
function helpListsFlag(help: string, flag: string): boolean {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s+(?:-\\w, )?${escaped}(?=[\\s,<\\[]|$)`, 'm').test(help);
}

describe('the example GitHub workflow and the action', { timeout: 60_000 }, () => {
  const commands = actionCommands();
  const help = new Map<string, string>();
  const job = Object.values(WORKFLOW.jobs).find((spec) => spec.steps.some((step) => step.uses === './'))!;
  const actionStep = job.steps.find((step) => step.uses === './')!;

  beforeAll(async () => {
    for (const name of new Set(commands.map((command) => command.command))) help.set(name, (await runCli([name, '--help'], { env: cliEnv() })).stdout);
  }, 60_000);

  it('runs, validates and compares with onetoken-eval from the action', () => {
    expect([...new Set(commands.map((command) => command.command))].sort()).toEqual(['compare', 'run', 'validate']);
  });

  it('passes each subcommand only flags its --help lists, and would notice one it does not', () => {
    for (const command of commands) {
      for (const flag of command.flags) expect(helpListsFlag(help.get(command.command)!, flag), `${command.command} ${flag}`).toBe(true);
    }
    expect(helpListsFlag(help.get('run')!, '--shards')).toBe(false);
    expect(helpListsFlag(help.get('compare')!, '--out')).toBe(false);
  });

  it('gives the action only inputs it declares, and one shard per matrix entry', () => {
    for (const input of Object.keys(actionStep.with!)) expect(Object.keys(ACTION.inputs), input).toContain(input);
    const shards = job.strategy!.matrix!.shard!;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, index) => index + 1));
    expect(Number(actionStep.with!.shards)).toBe(shards.length);
    expect(actionStep.with!.shard).toBe('${{ matrix.shard }}');
  });

  it('reads the API key from the repository secret, for the action step only', () => {
    const withKey = Object.values(WORKFLOW.jobs).flatMap((spec) => spec.steps).filter((step) => step.env?.ONETOKEN_API_KEY !== undefined);
    expect(withKey).toEqual([actionStep]);
    expect(actionStep.env!.ONETOKEN_API_KEY).toBe('${{ secrets.ONETOKEN_API_KEY }}');
  });

  it('pins every third-party action to a full commit SHA', () => {
    for (const step of [...Object.values(WORKFLOW.jobs).flatMap((spec) => spec.steps), ...ACTION.runs.steps]) {
      if (step.uses && step.uses !== './') expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    }
  });
});
