/**
 * GitHub-native output: the markdown summary appended to GITHUB_STEP_SUMMARY, and `::error` workflow commands
 * pointing at the suite line of each failing case so failures show inline in the pull request.
 */
import { appendFileSync } from 'node:fs';

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

/** `::error file=…,line=…,title=…::message` */
export function renderAnnotation(annotation: Annotation): string {
  const properties = [`file=${escapeProperty(annotation.file)}`, `line=${annotation.line}`];
  if (annotation.title) properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::error ${properties.join(',')}::${escapeData(annotation.message)}`;
}

/** Appends markdown to the step summary when GITHUB_STEP_SUMMARY is set; returns whether it did. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  appendFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

/** True inside GitHub Actions. */
export function isGithubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}
