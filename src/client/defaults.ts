/**
 * The defaults of this folder's options, in a module that imports nothing: the command line's option table reads
 * them at every start, and importing them from the modules that use them would load those modules too.
 */

/** Attempts per request, the first included, when the caller does not say. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Limit of one attempt, body included, in ms, when the caller does not say. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

/** Largest response body read, in bytes, when the caller does not say: 10 MiB, far above any real answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
