/** The resolved suite: every shorthand expanded, every file read, every id assigned. */
import type { AssertionSpec } from '../assert/index.js';
import type { SourceIssue } from '../errors.js';
import type { ChatMessage } from '../wire/index.js';
import type { RequestParams } from './schema.js';

/** Where something was written, for error messages and CI annotations. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A model entry with its label and limits resolved. */
export interface ModelSpec {
  id: string;
  /** Unique in the suite; @default the id. */
  label: string;
  params: RequestParams;
  omit: string[];
  concurrency: number | null;
  rpm: number | null;
  tpm: number | null;
}

/** A prompt with its messages (contents may hold `{{ var }}` placeholders). */
export interface PromptSpec {
  id: string;
  messages: ChatMessage[];
  assert: AssertionSpec[];
  position: SourcePosition;
}

/** One test case: inline or one row of a data file. */
export interface CaseSpec {
  id: string;
  description: string | null;
  vars: Record<string, unknown>;
  /** The case's own assertions plus those of its data file. */
  assert: AssertionSpec[];
  threshold: number | null;
  seed: number | null;
  position: SourcePosition;
}

/** A loaded and validated suite. */
export interface Suite {
  /** Path as given by the user. */
  path: string;
  /** sha256 of the suite file and every file it reads, hex. */
  hash: string;
  name: string;
  description: string | null;
  models: ModelSpec[];
  defaults: RequestParams;
  prompts: PromptSpec[];
  cases: CaseSpec[];
  /** Suite-wide assertions, applied to every cell. */
  assert: AssertionSpec[];
  threshold: number | null;
  repeat: number;
  seed: number;
  /** USD per 1M tokens by model id. */
  pricing: Record<string, { input: number; output: number }>;
  grader: { model: string | null; params: RequestParams };
  /** Problems that do not stop a run (a prompt rendering to an empty string), in source order; `--strict` refuses them. */
  warnings: SourceIssue[];
}
