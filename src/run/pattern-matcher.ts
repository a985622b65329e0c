/**
 * Matching user-supplied regular expressions with a time limit. V8's backtracking engine can take exponential
 * time (`^(a+)+b$` on 33 `a`s runs for hours) and blocks the thread it runs on, signals included. So patterns run
 * in one worker thread: the main thread only waits on a message and a timer, Ctrl-C keeps working, and a match
 * that overruns its limit has its worker terminated (the only way to stop a running RegExp) and is reported as
 * an error of that assertion; the next match starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';

/** Time one match may take, in ms, when the caller does not say. */
export const DEFAULT_REGEX_TIMEOUT_MS = 1000;

/** The worker: compile (cached) and test, or find the first match; answers `{ matched, captured? }` or `{ error }`. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const compiled = new Map();
parentPort.on('message', ({ source, flags, text, isCapture }) => {
  try {
    const key = flags + '/' + source;
    let pattern = compiled.get(key);
    if (!pattern) { pattern = new RegExp(source, flags); compiled.set(key, pattern); }
    pattern.lastIndex = 0;
    if (!isCapture) { parentPort.postMessage({ matched: pattern.test(text) }); return; }
    const found = pattern.exec(text);
    parentPort.postMessage({ matched: found !== null, captured: found === null ? null : (found[1] ?? found[0]) });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

/** What the worker answers for one job. */
interface Reply {
  matched?: boolean;
  /** With `isCapture`: group 1 of the first match, else the whole match; null without a match. */
  captured?: string | null;
  error?: string;
}

interface Job {
  source: string;
  flags: string;
  text: string;
  isCapture: boolean;
  resolve: (reply: Reply) => void;
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
    return (await this.run(source, flags, text, false)).matched === true;
  }

  /**
   * Group 1 of the first match of `/source/flags` in `text`, else the whole match, or null without a match (the
   * `regex` transform); rejects when the match overran the limit.
   */
  async capture(source: string, flags: string | undefined, text: string): Promise<string | null> {
    return (await this.run(source, flags, text, true)).captured ?? null;
  }

  private run(source: string, flags: string | undefined, text: string, isCapture: boolean): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      this.queue.push({ source, flags: flags ?? '', text, isCapture, resolve, reject });
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
    worker.postMessage({ source: job.source, flags: job.flags, text: job.text, isCapture: job.isCapture });
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
    else job.resolve(reply);
    this.pump();
  }

  private overran(job: Job): void {
    if (this.current !== job) return;
    this.current = null;
    this.timer = null;
    this.stopWorker();
    job.reject(new Error(`the regular expression took longer than ${this.timeoutMs} ms on this answer (catastrophic backtracking?); simplify the pattern`));
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
