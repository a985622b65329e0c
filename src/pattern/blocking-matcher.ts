/**
 * A time limit for regular expressions that must be tested synchronously: the `pattern` and `patternProperties`
 * of a JSON Schema, which ajv's generated validator calls as `regExp.test(text)` in the middle of a synchronous
 * validation. The test runs in a worker thread while this thread blocks on `Atomics.wait` with the time limit;
 * a test that overruns it has its worker terminated (the only way to stop a running RegExp) and throws, which
 * errors the assertion instead of hanging the process. The next test starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_REGEX_TIMEOUT_MS } from './defaults.js';

/** Slots of the shared signal: STATE is 0 while a test runs, 1 when it answered; RESULT is 1 (match), 0 or 2 (error). */
const STATE = 0;
const RESULT = 1;
const READY = 2;

/** A fresh worker's start, before its first test, gets this long on top of the test's own limit (a loaded machine). */
const START_ALLOWANCE_MS = 10_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData);
const compiled = new Map();
parentPort.on('message', ({ source, flags, text }) => {
  let result = 2;
  try {
    const key = flags + '/' + source;
    let pattern = compiled.get(key);
    if (!pattern) { pattern = new RegExp(source, flags); compiled.set(key, pattern); }
    pattern.lastIndex = 0;
    result = pattern.test(text) ? 1 : 0;
  } catch {}
  Atomics.store(signal, ${RESULT}, result);
  Atomics.store(signal, ${STATE}, 1);
  Atomics.notify(signal, ${STATE});
});
Atomics.store(signal, ${READY}, 1);
Atomics.notify(signal, ${READY});
`;

/** Tests patterns in one worker, each within `timeoutMs`; shared by every pattern it creates. */
export class BlockingMatcher {
  private worker: Worker | null = null;
  private signal = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));

  constructor(readonly timeoutMs: number = DEFAULT_REGEX_TIMEOUT_MS) {}

  /** Whether `/source/flags` finds `text`; throws when the test overran the limit. */
  test(source: string, flags: string, text: string): boolean {
    const worker = this.startedWorker();
    Atomics.store(this.signal, STATE, 0);
    worker.postMessage({ source, flags, text });
    if (Atomics.wait(this.signal, STATE, 0, this.timeoutMs) === 'timed-out') {
      this.stop();
      throw new Error(`the pattern /${source}/${flags} took longer than ${this.timeoutMs} ms on a ${text.length}-character text (catastrophic backtracking?); simplify it`);
    }
    const result = Atomics.load(this.signal, RESULT);
    if (result === 2) throw new Error(`the pattern /${source}/${flags} failed to run`);
    return result === 1;
  }

  /**
   * A regular-expression engine for ajv's `code.regExp` option: each pattern is compiled here (so an invalid one
   * fails when the schema compiles) and tested in the worker. `code` names it in ajv's standalone output only.
   */
  engine(): { (source: string, flags: string): { test: (text: string) => boolean; toString: () => string }; code: string } {
    const create = (source: string, flags: string) => {
      new RegExp(source, flags); // throws the SyntaxError ajv reports for an invalid pattern
      // ajv keys its compiled patterns by `toString()`, as for a RegExp: without it every pattern would be the first.
      return { test: (text: string) => this.test(source, flags, text), toString: () => `/${source}/${flags}` };
    };
    return Object.assign(create, { code: 'blockingRegExp' });
  }

  /** Terminates the worker; the next test starts another. */
  stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    this.signal = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.signal.buffer });
    worker.unref();
    if (Atomics.wait(this.signal, READY, 0, START_ALLOWANCE_MS) === 'timed-out') {
      void worker.terminate();
      throw new Error('the pattern worker did not start');
    }
    this.worker = worker;
    return worker;
  }
}
