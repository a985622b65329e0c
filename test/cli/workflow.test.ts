/**
 * The example workflow `.github/workflows/eval.yml` must only use commands and flags the CLI has: every
 * `onetoken-eval …` command of its `run:` steps is checked against `onetoken-eval <command> --help` of the
 * built binary, and the shard matrix, secret and artifacts are checked to fit together.
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
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}

/** One `onetoken-eval` command found in a `run:` script. */
interface FoundCommand {
  job: string;
  command: string;
  flags: string[];
  words: string[];
}

const WORKFLOW = parse(readFileSync(join(ROOT, '.github', 'workflows', 'eval.yml'), 'utf8')) as { jobs: Record<string, Job> };

/** Shell words of a command line up to the first redirection, pipe or list operator; quotes removed. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = match[3];
    if (word !== undefined && /^(\d?>>?|\||\|\||&&|;|&)/.test(word)) break;
    words.push(match[1] ?? match[2] ?? word!);
  }
  return words;
}

/**
 * Expands `${{ … }}` the way the runner does before the shell sees the script: `matrix.shard` becomes the first
 * shard, any other expression a placeholder word.
 */
function expand(text: string): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => (expression === 'matrix.shard' ? '1' : 'EXPRESSION'));
}

/** Every `onetoken-eval <command> …` in command position (line start, after npx or a shell operator). */
function findCommands(jobs: Record<string, Job>): FoundCommand[] {
  const found: FoundCommand[] = [];
  for (const [job, spec] of Object.entries(jobs)) {
    for (const step of spec.steps) {
      if (!step.run) continue;
      const script = expand(step.run).replace(/\\\n/g, ' ');
      for (const line of script.split('\n')) {
        for (const match of line.matchAll(/(?:^\s*|&&\s*|\|\|\s*|;\s*|\$\(\s*)(?:npx\s+)?onetoken-eval\s+(.*)$/g)) {
          const words = shellWords(match[1]!);
          const flags = words.filter((word) => /^-/.test(word)).map((word) => word.replace(/=.*$/, ''));
          found.push({ job, command: words[0]!, flags, words });
        }
      }
    }
  }
  return found;
}

/** True when the help text lists `flag` as an option (`--shard` does not match `--shard-total`). */
function helpListsFlag(help: string, flag: string): boolean {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s+(?:-\\w, )?${escaped}(?=[\\s,<\\[]|$)`, 'm').test(help) || new RegExp(`^\\s+-\\w, ${escaped}(?=[\\s<\\[]|$)`, 'm').test(help);
}

describe('the example GitHub workflow', { timeout: 60_000 }, () => {
  const commands = findCommands(WORKFLOW.jobs);
  const help = new Map<string, { code: number | null; stdout: string }>();

  beforeAll(async () => {
    for (const name of new Set(commands.map((command) => command.command))) {
      const result = await runCli([name, '--help'], { env: cliEnv() });
      help.set(name, { code: result.code, stdout: result.stdout });
    }
  }, 60_000);

  it('runs, merges and compares with onetoken-eval', () => {
    expect(commands.map((command) => command.command).sort()).toEqual(['compare', 'merge', 'run']);
  });

  it('uses only subcommands the CLI has', () => {
    for (const command of commands) {
      const text = help.get(command.command)!;
      expect(text.code, command.command).toBe(0);
      expect(text.stdout, command.command).toMatch(new RegExp(`^Usage: onetoken-eval ${command.command} `));
    }
  });

  it('passes each subcommand only flags its --help lists', () => {
    for (const command of commands) {
      for (const flag of command.flags) expect(helpListsFlag(help.get(command.command)!.stdout, flag), `${command.command} ${flag}`).toBe(true);
    }
  });

  it('would notice a flag a subcommand does not have', () => {
    const runHelp = help.get('run')!.stdout;
    expect(helpListsFlag(runHelp, '--shard')).toBe(true);
    expect(helpListsFlag(runHelp, '--shard-total')).toBe(true);
    expect(helpListsFlag(runHelp, '--shards')).toBe(false);
    expect(helpListsFlag(runHelp, '--format')).toBe(false);
    expect(helpListsFlag(help.get('compare')!.stdout, '--out')).toBe(false);
  });

  it('gives every matrix shard its own --shard i/n, output directory and artifact', () => {
    const shardJob = Object.values(WORKFLOW.jobs).find((job) => job.strategy?.matrix?.shard)!;
    const shards = shardJob.strategy!.matrix!.shard!;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, index) => index + 1));
    const run = commands.find((command) => command.command === 'run')!;
    const value = (flag: string) => run.words[run.words.indexOf(flag) + 1];
    expect(value('--shard')).toBe(`1/${shards.length}`);
    const out = value('--out')!;
    expect(out).toMatch(/1$/);
    const upload = shardJob.steps.find((step) => step.uses === 'actions/upload-artifact@v4')!;
    expect(expand(String(upload.with!.path)).replace(/\/$/, '')).toBe(out);
    expect(expand(String(upload.with!.name))).toBe(out);
  });

  it('reads the API key from the repository secret and nowhere else', () => {
    const stepsWithKey = Object.values(WORKFLOW.jobs).flatMap((job) => job.steps).filter((step) => step.env?.ONETOKEN_API_KEY !== undefined);
    expect(stepsWithKey.length).toBeGreaterThan(0);
    for (const step of stepsWithKey) expect(step.env!.ONETOKEN_API_KEY).toBe('${{ secrets.ONETOKEN_API_KEY }}');
    const runStep = stepsWithKey.find((step) => step.run?.includes('onetoken-eval run'));
    expect(runStep).toBeDefined();
  });

  it('merges the downloaded shard directories after the shard jobs', () => {
    const merge = commands.find((command) => command.command === 'merge')!;
    const job = WORKFLOW.jobs[merge.job]!;
    const shardJobName = Object.entries(WORKFLOW.jobs).find(([, spec]) => spec.strategy?.matrix?.shard)![0];
    expect([job.needs].flat()).toContain(shardJobName);
    const download = job.steps.find((step) => step.uses === 'actions/download-artifact@v4')!;
    expect(download.with!.pattern).toBe('shard-*');
    expect(merge.words[1]).toBe(`${download.with!.path}/shard-*`);
    expect(merge.flags).toEqual(expect.arrayContaining(['--out', '--junit']));
    const compare = commands.find((command) => command.command === 'compare')!;
    expect(compare.words[2]).toBe(merge.words[merge.words.indexOf('--out') + 1]);
  });
});
