/**
 * Ctrl-C and SIGTERM: the first stops dispatching and gives in-flight requests a grace period; a second one (or
 * the end of the grace period) aborts them. Finished cells are already in the journal either way.
 */

/** Grace period for in-flight requests after the first signal, in ms. */
export const GRACE_MS = 10_000;

/** Signal controllers for one command. */
export interface Interruption {
  stop: AbortSignal;
  abort: AbortSignal;
  readonly isInterrupted: boolean;
  dispose(): void;
}

/** Installs the handlers; `notify` prints what happens. */
export function handleInterrupts(notify: (message: string) => void, graceMs = GRACE_MS): Interruption {
  const stop = new AbortController();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      notify(`${signal}: no new requests; waiting up to ${graceMs / 1000}s for the ones in flight (press Ctrl-C again to abort them)`);
      stop.abort();
      timer = setTimeout(() => abort.abort(), graceMs);
      timer.unref();
      return;
    }
    if (!abort.signal.aborted) {
      notify(`${signal}: aborting the requests in flight`);
      abort.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: stop.signal,
    abort: abort.signal,
    get isInterrupted() {
      return stop.signal.aborted;
    },
    dispose() {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
