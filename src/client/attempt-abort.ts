/**
 * Aborting one HTTP attempt, cheaply. Every attempt needs an abort handle (its whole-request timer, and the
 * caller's signal, must be able to cancel it), but `new AbortController()` costs 10-20 µs: at latency 0 that was
 * a measurable share of the client's overhead over a bare undici loop. undici's `request` also accepts an
 * `EventEmitter` as its `signal` (it listens for `'abort'` and reads `aborted` and `reason`), which costs about
 * 1 µs, so each attempt gets one of those.
 *
 * The caller's signal is shared by every request in flight (the runner passes one signal for the whole run).
 * Adding a listener to it per attempt would print Node's MaxListenersExceededWarning once more than 10 requests
 * are in flight, so each caller signal gets a single listener that aborts the attempts registered with it.
 */
import { EventEmitter } from 'node:events';

/** The abort handle of one attempt, passed to undici as `signal`. */
export class AttemptAbort extends EventEmitter {
  /** Read by undici before it sends. */
  aborted = false;
  /** Read by undici as the error to fail the request with; undefined makes undici use its own. */
  reason: unknown = undefined;

  /** Aborts the attempt once; later calls do nothing. */
  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort');
  }
}

/** The attempts in flight per caller signal; the set is created with the signal's one listener. */
const attemptsBySignal = new WeakMap<AbortSignal, Set<AttemptAbort>>();

/**
 * Makes `attempt` abort (with the signal's reason) when `signal` aborts, until the returned function is called.
 * The caller checks `signal.aborted` before sending: an already-aborted signal never fires again.
 */
export function followSignal(signal: AbortSignal, attempt: AttemptAbort): () => void {
  let attempts = attemptsBySignal.get(signal);
  if (attempts === undefined) {
    const registered = new Set<AttemptAbort>();
    attempts = registered;
    attemptsBySignal.set(signal, registered);
    signal.addEventListener(
      'abort',
      () => {
        for (const each of registered) each.abort(signal.reason);
        registered.clear();
      },
      { once: true },
    );
  }
  attempts.add(attempt);
  const followed = attempts;
  return () => {
    followed.delete(attempt);
  };
}
