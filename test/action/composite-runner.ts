/**
 * Runs the shell steps of our composite action (action.yml) the way the GitHub runner does: inputs with their
 * defaults, `${{ }}` expressions in `env:` and `if:`, `bash --noprofile --norc -eo pipefail`, one GITHUB_OUTPUT file
 * per step read back into `steps.<id>.outputs`, one GITHUB_STEP_SUMMARY for the job. `uses:` steps (setup-node,
 * cache, upload-artifact) belong to GitHub and are skipped, as is `install` (the tests use the built binary).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

/** What one local run of the action gives. */
export interface ActionRun {
  /** Exit code of each step that ran, by id (or name). */
  codes: Record<string, number>;
  /** Each step's stdout and stderr, by id. */
  logs: Record<string, string>;
  /** The action's outputs, as its `outputs:` map resolves them. */
  outputs: Record<string, string>;
  /** The job summary written by the steps. */
  summary: string;
}

/** The parsed action.yml. */
export function readAction(): ActionFile {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
}

/** Runs the action's steps in `workspace` with the given inputs, GitHub context and job environment. */
export async function runAction(options: { workspace: string; inputs: Record<string, string>; github?: Record<string, string>; env?: Record<string, string> }): Promise<ActionRun> {
  const action = readAction();
  const github: Record<string, string> = { action_path: ROOT, token: 'ghs-test', event_name: 'push', repository: 'owner/repo', ...options.github };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = options.inputs[name] ?? resolve(spec.default ?? '', { github, inputs: {}, steps: {} });
  const steps: Record<string, Record<string, string>> = {};
  const summaryFile = join(options.workspace, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const result: ActionRun = { codes: {}, logs: {}, outputs: {}, summary: '' };
  let hasFailed = false;
  for (const [index, step] of action.runs.steps.entries()) {
    const key = step.id ?? step.name ?? String(index);
    if (step.uses || step.id === 'install' || !step.run) continue;
    const context = { github, inputs, steps };
    if (!isTrue(step.if, context, hasFailed)) continue;
    const outputFile = join(options.workspace, `output-${key}.txt`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: options.workspace };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = resolve(value, context);
    // Asynchronous: the mock server answering the step lives in this process and must keep running.
    const child = await runBash(step.run, options.workspace, env);
    result.codes[key] = child.code;
    result.logs[key] = child.output;
    steps[key] = parseOutputs(readFileSync(outputFile, 'utf8'));
    if (child.code !== 0) hasFailed = true;
  }
  for (const [name, spec] of Object.entries(action.outputs)) result.outputs[name] = resolve(spec.value, { github, inputs, steps });
  result.summary = readFileSync(summaryFile, 'utf8');
  return result;
}

type Context = { github: Record<string, string>; inputs: Record<string, string>; steps: Record<string, Record<string, string>> };

/** Replaces each `${{ path }}` with its value (only the paths action.yml uses in env and outputs). */
function resolve(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => String(lookup(expression, context) ?? ''));
}

function lookup(path: string, context: Context): string | undefined {
  const parts = path.split('.');
  if (parts[0] === 'inputs') return context.inputs[parts.slice(1).join('.')];
  if (parts[0] === 'steps' && parts[2] === 'outputs') return context.steps[parts[1]!]?.[parts[3]!];
  if (parts[0] === 'github') return context.github[parts.slice(1).join('.')];
  throw new Error(`composite-runner: unsupported expression ${path}`);
}

/** `if:` as action.yml writes it: `always()`, or `==` comparisons of context values joined by `||`. */
function isTrue(condition: string | undefined, context: Context, hasFailed: boolean): boolean {
  if (condition === undefined) return !hasFailed;
  if (condition.trim() === 'always()') return true;
  return !hasFailed && condition.split('||').some((part) => {
    const match = /^\s*([\w.]+)\s*==\s*'([^']*)'\s*$/.exec(part);
    if (!match) throw new Error(`composite-runner: unsupported condition ${part}`);
    return lookup(match[1]!, context) === match[2];
  });
}

/** `key=value` lines (the only form action.yml writes). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

/** Runs a script as the runner's `shell: bash` does. */
function runBash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}
