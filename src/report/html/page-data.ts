/**
 * The data report.html embeds, as JSON in `<script type="application/json">` blocks: written by the Node
 * reporter (reporters/html.ts) and read by the page (html/page/). Types only, so both sides share them without
 * the page bundle pulling in any Node code.
 */

/** Ids of the JSON blocks in the page; `cells` is the class of the blocks that hold the cells, in order. */
export const DATA_BLOCK_IDS = {
  run: 'ote-run',
  cells: 'ote-cells',
  summary: 'ote-summary',
  baseline: 'ote-baseline',
  judgments: 'ote-judgments',
} as const;

/** The run's identity, from run.json, written before the first cell. */
export interface PageRun {
  suite: { name: string; path: string; description: string | null };
  toolVersion: string;
  /** Model labels in plan order. */
  models: string[];
  /** Cells this run directory is responsible for. */
  plannedCells: number;
  shard: { index: number; count: number } | null;
  /** The recorded base URL; `mock` for the built-in mock server. */
  baseUrl: string;
  isMock: boolean;
  startedAt: string;
  /** Outputs and message texts longer than this are cut in the page, in UTF-16 code units. */
  maxOutputChars: number;
}

/** A text cut for the page: `chars` is the length of the whole text, so the page can say what it left out. */
export interface PageText {
  text: string;
  /** Length of the original in UTF-16 code units; equal to `text.length` when nothing was cut. */
  chars: number;
}

/** One assertion of a cell, as the detail view lists it. */
export interface PageAssertion {
  type: string;
  pass: boolean;
  score: number;
  reason: string;
  metric: string | null;
  error: string | null;
}

/** One cell of the run, slimmed to what the page shows. */
export interface PageCell {
  id: string;
  index: number;
  prompt: string;
  case: string;
  model: string;
  modelId: string;
  repeat: number;
  seed: number | null;
  /** Absent when equal to the previous cell's messages (the models of a row share them); the page fills it in. */
  messages?: { role: string; content: PageText }[];
  /** Absent when equal to the previous cell's parameters; the page fills it in. */
  params?: Record<string, unknown>;
  output: PageText | null;
  finishReason: string | null;
  citations: { url: string; title: string | null }[];
  /** Tool calls of the answer, when the record has any. */
  toolCalls: unknown[];
  pass: boolean | null;
  score: number | null;
  error: { code: string; message: string; status: number | null } | null;
  assertions: PageAssertion[];
  latencyMs: number | null;
  ttftMs: number | null;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  cost: number | null;
  cached: boolean;
  attempts: number;
  servedModel: string | null;
  systemFingerprint: string | null;
  graderCalls: number;
}

/**
 * A cell as written in the page: the fields of `PageCell` in `CELL_DEFAULTS` are left out when they hold their
 * default (null, false, 0 or empty), which makes a large page about a third smaller and so quicker to parse.
 */
export type PageCellLine = Omit<PageCell, keyof typeof CELL_DEFAULTS> & Partial<Pick<PageCell, keyof typeof CELL_DEFAULTS>>;

/** Fields left out of a cell line when they hold these values; the page puts them back. */
export const CELL_DEFAULTS = {
  seed: null,
  output: null,
  finishReason: null,
  citations: [],
  toolCalls: [],
  error: null,
  assertions: [],
  latencyMs: null,
  ttftMs: null,
  usage: null,
  cost: null,
  cached: false,
  servedModel: null,
  systemFingerprint: null,
  graderCalls: 0,
} satisfies Partial<PageCell>;

/** Characters of a judge's reason or a judgment's error kept in the page: verdicts are short, the page lists many. */
export const JUDGMENT_REASON_CHARS = 1000;

/**
 * One pairwise judgment of a row (prompt × case × repeat), slimmed for the detail view: the two models, the
 * combined outcome (null when errored) and each position-swapped verdict with the judge's reason, cut.
 */
export interface PageJudgment {
  prompt: string;
  case: string;
  repeat: number;
  modelA: string;
  modelB: string;
  winner: 'a' | 'b' | 'tie' | null;
  /** `ab` shows `modelA` first, `ba` shows `modelB` first; `better` is the position preferred, null when unreadable. */
  verdicts: { order: 'ab' | 'ba'; better: 'first' | 'second' | 'tie' | null; reason: PageText | null }[];
  error: PageText | null;
}

/** An interval in 0..1 (or a signed difference for deltas). */
export interface PageInterval {
  low: number;
  high: number;
}

/** The verdict of one model (or of the whole run when `model` is null), as `compare` decided it. */
export interface PageVerdict {
  model: string | null;
  verdict: 'regression' | 'improvement' | 'no-change';
  reason: string;
  basePassRate: number | null;
  headPassRate: number | null;
  delta: number | null;
  interval: PageInterval | null;
  test: 'mcnemar' | 'sign';
  pValue: number;
  pAdjusted: number;
  /** Paired units where the head did worse and better. */
  worse: number;
  better: number;
}

/** One cell whose pass/fail flipped between the baseline and this run. */
export interface PageFlip {
  id: string;
  model: string;
  prompt: string;
  case: string;
  repeat: number;
  direction: 'pass-to-fail' | 'fail-to-pass';
  baseReasons: string[];
  headReasons: string[];
  /** Word-level diff of the base output into the head output (as `compare` cuts them). */
  diff: { op: 'equal' | 'delete' | 'insert'; text: string }[];
}

/** The comparison with a baseline run, computed by `compareRuns` and mapped for the page. */
export interface PageBaseline {
  /** Where the baseline was read from, as given. */
  source: string;
  base: { suite: string; startedAt: string; cells: number };
  verdict: 'regression' | 'improvement' | 'no-change';
  notes: string[];
  alpha: number;
  maxDrop: number;
  /** The whole run first, then one per model. */
  verdicts: PageVerdict[];
  /** Pass-to-fail flips first, then fail-to-pass, each in plan order. */
  flips: PageFlip[];
  onlyInBase: number;
  onlyInHead: number;
}
