/** The resolved suite: every shorthand expanded, every file read, every id assigned. */
import type { AssertionSpec, TransformSpec } from '../assert/index.js';
import type { SourceIssue } from '../errors.js';
import type { ContentPartSpec, PairwiseSpec, RequestParams, ToolResultSpec, ToolSpec } from './schema.js';

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
  /** The model's own tools (added to the suite's). */
  tools: ToolSpec[];
  concurrency: number | null;
  rpm: number | null;
  tpm: number | null;
}

/** A message's content as written: text, or text and image parts; texts and image paths may hold `{{ var }}`. */
export type MessageContent = string | ContentPartSpec[];

/** One message of a prompt as written. */
export interface PromptMessage {
  role: 'developer' | 'system' | 'user' | 'assistant';
  content: MessageContent;
}

/** An image file the suite sends, checked and read at load time. */
export interface ImageAsset {
  /** The path as the suite names it, variables rendered. */
  file: string;
  /** sha256 of the bytes, hex. */
  sha256: string;
  bytes: number;
  /** `image/png`, `image/jpeg`, `image/webp` or `image/gif`, from the magic bytes. */
  mediaType: string;
  /** The bytes as a base64 data URL, which is what the API receives. */
  dataUrl: string;
}

/** A prompt with its messages (contents may hold `{{ var }}` placeholders). */
export interface PromptSpec {
  id: string;
  messages: PromptMessage[];
  assert: AssertionSpec[];
  /** The prompt's own tools (added to the suite's and the model's). */
  tools: ToolSpec[];
  /** Canned tool results by tool name, for every case (a case's own win). */
  toolResults: Record<string, ToolResultSpec>;
  /** Overrides the suite's `max_tool_rounds`. */
  maxToolRounds: number | null;
  /** Applied to the answer before all the prompt's (and the suite's and cases') assertions; null for none. */
  transform: TransformSpec | null;
  position: SourcePosition;
}

/** One user turn of a conversation. */
export interface TurnSpec {
  /** The user message; may hold `{{ var }}` placeholders. */
  content: MessageContent;
  /** Assertions on this turn's answer. */
  assert: AssertionSpec[];
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
  /** Canned tool results by tool name; win over the prompt's. */
  toolResults: Record<string, ToolResultSpec>;
  /** A conversation's user turns, sent one by one after the prompt; empty for a single exchange. */
  turns: TurnSpec[];
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
  /** Tools sent with every request (models and prompts add theirs). */
  tools: ToolSpec[];
  /** Tool-result round trips per turn at most. @default 5 */
  maxToolRounds: number;
  threshold: number | null;
  repeat: number;
  seed: number;
  /** Every image file the suite's messages use (for every case), by its rendered path. */
  images: Map<string, ImageAsset>;
  /** USD per 1M tokens by model id. */
  pricing: Record<string, { input: number; output: number }>;
  grader: { model: string | null; params: RequestParams };
  /** Pairwise judging as asked for by the suite (labels checked against `models`); null for none. */
  pairwise: PairwiseSpec | null;
  /** Problems that do not stop a run (a prompt rendering to an empty string), in source order; `--strict` refuses them. */
  warnings: SourceIssue[];
}
