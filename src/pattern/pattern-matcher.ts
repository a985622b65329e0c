/**
 * Matching user-supplied regular expressions with a time limit (suite `regex` assertions and transforms, mock
 * fixtures). V8's backtracking engine can take exponential time (`^(a+)+b$` on 33 `a`s runs for hours) and blocks
 * the thread it runs on, signals included. So patterns run in one worker thread: the main thread only waits on a
 * message and a timer, Ctrl-C keeps working, and a match that overruns its limit has its worker terminated (the
 * only way to stop a running RegExp) and is reported as an error of that assertion; the next match starts a fresh
 * worker.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_REGEX_TIMEOUT_MS } from './defaults.js';

/**
 * The worker: compile (cached) and run each pattern in turn; answers `{ index, groups, captured }` of the first
 * that finds `text` (`captured`: its group 1, else the whole match; index -1 when none does) or `{ error }`.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const compiled = new Map();
parentPort.on('message', ({ patterns, text }) => {
  try {
    for (let index = 0; index < patterns.length; index++) {
      const { source, flags } = patterns[index];
      const key = flags + '/' + source;
      let pattern = compiled.get(key);
      if (!pattern) { pattern = new RegExp(source, flags); compiled.set(key, pattern); }
      pattern.lastIndex = 0;
      const found = pattern.exec(text);
      if (found !== null) return parentPort.postMessage({ index, groups: found.groups ? { ...found.groups } : {}, captured: found[1] ?? found[0] });
    }
    parentPort.postMessage({ index: -1 });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

/** The first of several patterns that found a text: its position in the list, its named groups and its capture. */
export interface PatternFound {
  index: number;
  groups: Record<string, string | undefined>;
  /** Group 1 of the match, else the whole match. */
  captured: string;
}

/** What the worker answers. */
interface Reply {
  index?: number;
  groups?: Record<string, string | undefined>;
  captured?: string;
  error?: string;
}

interface Job {
  patterns: { source: string; flags: string }[];
  text: string;
  /** What `text` is, for the message of a match that overran: "answer" or "text". */
  subject: string;
  resolve: (found: PatternFound | null) => void;
  reject: (error: Error) => void;
}

/** Runs regex matches in a worker thread, one at a time, each within `timeoutMs`. */
export class PatternMatcher {
  private worker: Worker | null = null;
  /** True once the worker runs: its start-up (tens of ms on a busy machine) does not count against a match. */
  private isOnline = false;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** @param timeoutMs time one match may take, in ms. @default 1000 */
  constructor(readonly timeoutMs: number = DEFAULT_REGEX_TIMEOUT_MS) {}

  /** True when `text` matches `/source/flags`; rejects when the match overran the limit. */
  async match(source: string, flags: string | undefined, text: string): Promise<boolean> {
    return (await this.find([{ source, flags: flags ?? '' }], text, 'answer')) !== null;
  }

  /**
   * Group 1 of the first match of `/source/flags` in `text`, else the whole match, or null without a match (the
   * `regex` transform); rejects when the match overran the limit.
   */
  async capture(source: string, flags: string | undefined, text: string): Promise<string | null> {
    return (await this.find([{ source, flags: flags ?? '' }], text, 'answer'))?.captured ?? null;
  }

  /**
   * The first of `patterns` that finds `text`, with its named groups, or null; all of them together get one time
   * limit (one round trip to the worker). Rejects when they overran it or a pattern does not compile.
   */
  findFirst(patterns: readonly { source: string; flags?: string | undefined }[], text: string): Promise<PatternFound | null> {
    return this.find(patterns.map(({ source, flags }) => ({ source, flags: flags ?? '' })), text, 'text');
  }

  private find(patterns: { source: string; flags: string }[], text: string, subject: string): Promise<PatternFound | null> {
    return new Promise<PatternFound | null>((resolve, reject) => {
      this.queue.push({ patterns, text, subject, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; pending matches are rejected. */
  close(): void {
    for (const job of this.queue.splice(0)) job.reject(new Error('the pattern matcher was closed'));
    this.current?.reject(new Error('the pattern matcher was closed'));
    this.current = null;
    this.stopWorker();
  }

  private pump(): void {
    if (this.current !== null) return;
    const job = this.queue.shift();
    if (!job) return;
    this.current = job;
    const worker = this.startedWorker();
    worker.postMessage({ patterns: job.patterns, text: job.text });
    if (this.isOnline) this.startTimer(job);
  }

  private startTimer(job: Job): void {
    this.timer = setTimeout(() => this.overran(job), this.timeoutMs);
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // The worker alone must not keep the process alive; a pending match's timer does while it waits.
    worker.unref();
    this.isOnline = false;
    worker.once('online', () => {
      this.isOnline = true;
      if (this.current && this.timer === null) this.startTimer(this.current);
    });
    worker.on('message', (reply: Reply) => this.finish(reply));
    worker.on('error', (error) => this.finish({ error: error.message }));
    this.worker = worker;
    return worker;
  }

  private finish(reply: Reply): void {
    const job = this.current;
    if (!job) return;
    this.clearTimer();
    this.current = null;
    if (reply.error !== undefined) job.reject(new Error(reply.error));
    else job.resolve(reply.index === undefined || reply.index < 0 ? null : { index: reply.index, groups: reply.groups ?? {}, captured: reply.captured ?? '' });
    this.pump();
  }

  private overran(job: Job): void {
    if (this.current !== job) return;
    this.current = null;
    this.timer = null;
    this.stopWorker();
    job.reject(new Error(`the regular expression took longer than ${this.timeoutMs} ms on this ${job.subject} (catastrophic backtracking?); simplify the pattern`));
    this.pump();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private stopWorker(): void {
    this.clearTimer();
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
  }
}
