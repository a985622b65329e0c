/**
 * Runs JavaScript checks and transforms in worker threads, one call per worker at a time, at most `size`
 * workers. A call that outlives its time limit has its worker terminated (an infinite loop cannot be
 * interrupted any other way) and a fresh worker takes its place; a throw, a crash or `process.exit` in a check
 * becomes an errored outcome. The main thread never runs check code, so signals and the journal keep working.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { CheckOutcome, CheckRequest, RunCheckFn } from '../assert/index.js';
import { checkWorkerSource } from './check-worker-script.js';

/** Workers at most when the caller does not say: the CPUs, capped at 4. */
export const DEFAULT_CHECK_WORKERS = Math.max(1, Math.min(4, availableParallelism()));

/** The environment checks see: the caller's, without the API key, so a check cannot print or send it. */
function workerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ONETOKEN_API_KEY;
  return env;
}

/** A pool of check workers; `close` it when done. */
export class CheckPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly limit: ReturnType<typeof pLimit>;
  private nextId = 0;
  private isClosed = false;

  /**
   * @param size workers at most. @default DEFAULT_CHECK_WORKERS
   * @param abort aborted: every worker is terminated at once, so a long check cannot hold up the second Ctrl-C.
   */
  constructor(size = DEFAULT_CHECK_WORKERS, abort?: AbortSignal) {
    if (!Number.isInteger(size) || size < 1) throw new TypeError(`expected size to be a whole number >= 1, got ${size}`);
    this.limit = pLimit(size);
    abort?.addEventListener('abort', () => void this.close(), { once: true });
  }

  /** The injectable `RunCheckFn` of this pool. */
  readonly runCheck: RunCheckFn = (request) => this.limit(() => this.call(request));

  /** Terminates every worker; calls in flight resolve as errored. */
  async close(): Promise<void> {
    this.isClosed = true;
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private take(): Worker {
    const worker = this.idle.pop();
    if (worker) return worker;
    const created = new Worker(checkWorkerSource(), { eval: true, env: workerEnv(), stdout: true });
    // A check's console.log goes to stderr: stdout belongs to the tool's own output (which may be piped JSON).
    created.stdout.pipe(process.stderr);
    this.all.add(created);
    return created;
  }

  private discard(worker: Worker): void {
    this.all.delete(worker);
    void worker.terminate();
  }

  private call(request: CheckRequest): Promise<CheckOutcome> {
    if (this.isClosed) return Promise.resolve({ ok: false, error: 'was not run: the check pool is closed' });
    const worker = this.take();
    const id = this.nextId++;
    // Busy workers keep the process alive; idle ones must not, or a finished run would never exit.
    worker.ref();
    return new Promise<CheckOutcome>((resolve) => {
      let isSettled = false;
      const settle = (outcome: CheckOutcome, isHealthy: boolean) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (isHealthy && !this.isClosed) {
          worker.unref();
          this.idle.push(worker);
        } else {
          this.discard(worker);
        }
        resolve(outcome);
      };
      const onMessage = (reply: { id: number } & CheckOutcome) => {
        if (reply.id !== id) return;
        settle(reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error }, true);
      };
      const onError = (error: Error) => settle({ ok: false, error: `crashed its worker: ${error.message}` }, false);
      const onExit = (code: number) => settle({ ok: false, error: this.isClosed ? 'was stopped: the run is closing' : `ended its worker (exit code ${code})` }, false);
      const timer = setTimeout(() => settle({ ok: false, error: `timed out after ${request.timeoutMs} ms` }, false), request.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, source: request.source, output: request.output, context: request.context });
    });
  }
}
