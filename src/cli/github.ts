/**
 * GitHub-native output: the markdown summary appended to GITHUB_STEP_SUMMARY, and `::error` workflow commands
 * pointing at the suite line of each failing case so failures show inline in the pull request.
 */
import { appendFileSync, closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Escapes a workflow command's message (GitHub's rules: %, CR and LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also ":" and ","). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation. */
export interface Annotation {
  file: string;
  line: number;
  title?: string;
  message: string;
}

/**
 * The file of an annotation as GitHub wants it: relative to the repository root (GITHUB_WORKSPACE) with `/`
 * separators. Suite paths are as the user typed them, relative to the working directory, which is not the root
 * when a step sets `working-directory:`, and absolute paths never match a file of the pull request.
 */
export function annotationPath(file: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const workspace = env.GITHUB_WORKSPACE;
  const absolute = resolve(cwd, file);
  const inWorkspace = workspace ? relative(workspace, absolute) : '';
  const chosen = workspace && inWorkspace && !inWorkspace.startsWith('..') && !isAbsolute(inWorkspace) ? inWorkspace : file;
  return chosen.split(sep).join('/');
}

/**
 * Writes one annotation to stderr: stdout may be a report piped to a file (`--format md > compare.md`, `--json`),
 * and the Actions runner reads workflow commands from both streams.
 */
export function writeAnnotation(annotation: Annotation, env: NodeJS.ProcessEnv = process.env): void {
  process.stderr.write(`${renderAnnotation({ ...annotation, file: annotationPath(annotation.file, env) })}\n`);
}

/** `::error file=…,line=…,title=…::message` */
export function renderAnnotation(annotation: Annotation): string {
  const properties = [`file=${escapeProperty(annotation.file)}`, `line=${annotation.line}`];
  if (annotation.title) properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::error ${properties.join(',')}::${escapeData(annotation.message)}`;
}

/**
 * Checks before a run that GITHUB_STEP_SUMMARY, when set, can be appended to: finding out after the run would
 * waste every request. A `UsageError` (exit 2) naming the variable otherwise.
 */
export function assertStepSummaryWritable(env: NodeJS.ProcessEnv = process.env): void {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`GITHUB_STEP_SUMMARY ${path}: cannot append the step summary (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
  }
  try {
    closeSync(openSync(path, 'a'));
  } catch (error) {
    throw new UsageError(`GITHUB_STEP_SUMMARY ${path}: cannot append the step summary (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}

/** Appends markdown to the step summary when GITHUB_STEP_SUMMARY is set; returns whether it did. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

/**
 * True when stdout is the file at `path`: `compare --format md >> "$GITHUB_STEP_SUMMARY"` already puts the
 * markdown there, and appending it as well would show the report twice.
 */
export function isStdoutFile(path: string | undefined): boolean {
  if (!path) return false;
  try {
    const out = fstatSync(1);
    const target = statSync(path);
    return out.isFile() && out.dev === target.dev && out.ino === target.ino;
  } catch {
    return false;
  }
}

/** True inside GitHub Actions. */
export function isGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
