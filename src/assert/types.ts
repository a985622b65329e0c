/** Types shared by every assertion kind, the suite schema and the records. */
import type { ChatMessage, ToolCall } from '../wire/index.js';

/**
 * One assertion as written in a suite (after templating): `{type, value?, ...options}`.
 * `not: true` or a `not-` prefix on `type` negates it.
 */
export interface AssertionSpec {
  type: string;
  value?: unknown;
  not?: boolean;
  /** Relative weight in the case score. @default 1 */
  weight?: number;
  /** Name to aggregate this assertion's score under. */
  metric?: string;
  /** In a conversation, the 1-based turn whose answer is scored. @default the last turn */
  turn?: number;
  [option: string]: unknown;
}

export type { ToolCall };

/** A tool the request declared: its name and the JSON Schema of its arguments (null when it has none). */
export interface DeclaredTool {
  name: string;
  parameters: Record<string, unknown> | null;
}

/** What an assertion looks at: the recorded answer and its run facts. */
export interface Answer {
  output: string;
  /** The answer's tool calls, in order. */
  toolCalls: ToolCall[];
  /** The tools the request declared. */
  tools: DeclaredTool[];
  /** The JSON Schema of the request's `response_format` (type json_schema), or null. */
  responseSchema: Record<string, unknown> | null;
  finishReason: string | null;
  latencyMs: number | null;
  /** Estimated cost in USD, null when the suite has no pricing. */
  cost: number | null;
  completionTokens: number | null;
  citations: { url: string; title: string | null }[];
}

/** The outcome of one assertion (its zod schema is the single source). */
export type { AssertionResult } from './result-schema.js';

/** A message sent to a grader model: a chat message limited to the two roles the grader protocol uses. */
export interface GraderMessage extends ChatMessage {
  role: 'system' | 'user';
}

/** Tests `text` against the user's pattern `/source/flags` within a time limit; rejects when it overran. */
export type MatchFn = (source: string, flags: string | undefined, text: string) => Promise<boolean>;

/**
 * Finds the first match of the user's pattern `/source/flags` in `text` within a time limit: group 1, else the
 * whole match, or null without one (the `regex` transform); rejects when it overran.
 */
export type CaptureFn = (source: string, flags: string | undefined, text: string) => Promise<string | null>;

/**
 * Sends a grader request (temperature 0 and a fixed seed are the caller's job) and resolves with the grader's
 * raw text. Injected by the runner so that `assert` stays free of I/O; it rejects on API errors.
 */
export type GradeFn = (messages: GraderMessage[], options: { model: string | undefined }) => Promise<string>;

/** Where a JavaScript check or transform lives: a function of a module file, or an expression written in the suite. */
export type CheckSource =
  | {
      /** Path of the module, as resolved by the suite loader (relative to the working directory, or absolute). */
      file: string;
      /** Exported function name; null for the default export. */
      function: string | null;
    }
  | {
      /** A JavaScript expression over `output` and `context`, evaluated as the body of an async function. */
      expression: string;
    };

/** One call of a JavaScript check or transform: `fn(output, context)` under a time limit. */
export interface CheckRequest {
  source: CheckSource;
  output: string;
  /** The context object given as the second argument; structured-clonable data only. */
  context: Record<string, unknown>;
  /** Time limit of the call, in milliseconds. */
  timeoutMs: number;
}

/** What a JavaScript call came back with, or why it did not (a throw with its `file:line`, a timeout). */
export type CheckOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Runs a JavaScript check or transform in isolation (a worker thread with a time limit). Injected by the runner,
 * like `GradeFn`, so that `assert` stays free of threads and files; it never rejects.
 */
export type RunCheckFn = (request: CheckRequest) => Promise<CheckOutcome>;

/** The facts of the cell an answer belongs to, given to JavaScript checks as part of their `context`. */
export interface CellFacts {
  prompt: string;
  case: string;
  model: string;
  modelId: string;
  repeat: number;
  messages: ChatMessage[];
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
}
