/** Public types of the built-in mock Onetoken server. */

/** Options of `startMockServer`. Every field is optional; the defaults give a fast, fault-free server. */
export interface MockServerOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Fixed delay before the first byte of every chat answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Extra seeded uniform delay of 0..jitterMs milliseconds added to `latencyMs`. @default 0 */
  jitterMs?: number;
  /** Seed of the fault and jitter generators and of the `created` timestamp. @default 1 */
  seed?: number;
  /** Seeded fault rates applied per unscripted chat request. @default no faults */
  faults?: MockFaults;
  /** Fixtures that replace the built-in ones when given. @default DEFAULT_MOCK_FIXTURES */
  fixtures?: MockFixture[];
  /** When set, only these Bearer keys are accepted (401 otherwise); else any non-empty Bearer key. */
  apiKeys?: string[];
  /** Known model ids; others get 404 `model_not_found`. @default DEFAULT_MOCK_MODELS */
  models?: string[];
  /** Scripted outcomes, consumed one per chat request in arrival order, before normal behaviour. @default [] */
  script?: MockStep[];
  /** Record every chat request in `requests`; turn off for long benchmarks. @default true */
  keepRequestLog?: boolean;
  /** Delay between SSE content chunks, in milliseconds. @default 0 */
  streamChunkDelayMs?: number;
  /** A request body above this many bytes is answered 413 without being kept in memory. @default 16777216 (16 MiB) */
  maxBodyBytes?: number;
  /**
   * Time the fixture patterns may take on one request's message, in ms, run off the main thread; a lookup that
   * overruns it (catastrophic backtracking) is answered 500 saying so. @default 1000
   */
  regexTimeoutMs?: number;
}

/**
 * Fault rates in 0..1, drawn from one seeded generator per unscripted chat request, so a given seed and a
 * given order of requests always fault the same requests. The rates must add up to at most 1.
 */
export interface MockFaults {
  /** Rate of 429 `rate_limit_exceeded` answers. @default 0 */
  rateLimit?: number;
  /** `Retry-After` of the 429 answers, in seconds. @default 1 */
  retryAfterSeconds?: number;
  /** Rate of 5xx answers, alternating 500 and 503. @default 0 */
  serverError?: number;
  /** Rate of connections destroyed without an answer. @default 0 */
  reset?: number;
  /** Rate of answers whose first byte waits `slowFirstByteMs`. @default 0 */
  slowFirstByte?: number;
  /** Extra delay of a slow first byte, in milliseconds. @default 2000 */
  slowFirstByteMs?: number;
  /** Rate of answers cut short (stream without finish and `[DONE]`, or a JSON body cut mid-way). @default 0 */
  truncatedStream?: number;
  /** Rate of 200 `application/json` answers whose body is not JSON. @default 0 */
  malformedJson?: number;
}

/** An OpenAI-style error object as found under `error` in an error body. */
export interface MockErrorObject {
  message: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** One scripted outcome of a chat request. */
export type MockStep =
  /** A normal answer. */
  | { kind: 'ok' }
  /** An error status such as 429 with `{'retry-after': '2'}`; the body defaults to an OpenAI-style error. */
  | { kind: 'status'; status: number; error?: MockErrorObject; headers?: Record<string, string> }
  /** Destroy the socket without answering. */
  | { kind: 'reset' }
  /** A normal answer after `ms` milliseconds before the first byte. */
  | { kind: 'delay'; ms: number }
  /** Non-stream: the JSON body cut mid-way; stream: ends after some content, without finish_reason and [DONE]. */
  | { kind: 'truncate' }
  /** A 200 `application/json` answer whose body is not JSON. */
  | { kind: 'malformed' }
  /** Stream: some content, then a `data: {"error":{...}}` event; non-stream: a 500 with this message. */
  | { kind: 'stream-error'; message: string }
  /** Writes exactly these body chunks, for adversarial SSE. @default status 200, content-type text/event-stream */
  | { kind: 'raw'; status?: number; headers?: Record<string, string>; chunks: string[]; chunkDelayMs?: number };

/** One canned answer, chosen when `match` finds the last user message. */
export interface MockFixture {
  /** JS regex source tested against the last user message; named groups are usable as `${name}` in `answer`. */
  match: string;
  /** Regex flags such as `i`. @default '' */
  flags?: string;
  /** Exact model id this fixture is for; omitted for any model. Model-specific fixtures are tried first. */
  model?: string;
  /**
   * The answer text, with `${name}` replaced by the named groups of `match`. With `toolCalls`, it is the answer
   * after the tool results come back, where `${result}` is the last result's text. Required without `toolCalls`.
   */
  answer?: string;
  /**
   * Calls to make instead of answering, when the request declares tools and its last message is the user's.
   * String arguments fill in `${name}` groups like `answer`.
   */
  toolCalls?: { name: string; arguments: Record<string, unknown> }[];
  /** Citations returned as `url_citation` annotations by search models. @default a deterministic citation */
  citations?: { url: string; title: string }[];
  /** The `finish_reason`. @default 'stop' */
  finishReason?: string;
}

/** One chat request as the mock received it. */
export interface MockRequestLog {
  /** The `model` field, or '' when the body had none. */
  model: string;
  /** The parsed JSON body, or `{}` when the body was not a JSON object. */
  body: Record<string, unknown>;
  /** Lower-case request headers without `authorization`, so logs never hold a key. */
  headers: Record<string, string>;
}

/** Counters kept by a running mock server. */
export interface MockStats {
  /** Chat requests received, scripted and faulted ones included. */
  chatRequests: number;
  /** Chat requests per `model` field. */
  byModel: Record<string, number>;
  /** `GET /v1/models` requests received. */
  modelListRequests: number;
}

/** A running mock server. */
export interface MockServer {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:41233/v1`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Live counters. */
  stats: MockStats;
  /** Every chat request in arrival order (empty when `keepRequestLog` is false). */
  requests: MockRequestLog[];
  /** Appends scripted outcomes after the ones still pending. */
  enqueue(...steps: MockStep[]): void;
  /** Stops listening and destroys open sockets, idle keep-alive ones included, so tests never hang. */
  close(): Promise<void>;
}
