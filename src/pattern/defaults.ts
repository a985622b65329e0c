/**
 * The matcher's default, in a module that imports nothing: the command line's option table reads it at every
 * start, and importing it from the matcher would load worker_threads too.
 */

/** Time one match may take, in ms, when the caller does not say. */
export const DEFAULT_REGEX_TIMEOUT_MS = 1000;
