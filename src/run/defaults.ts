/**
 * The defaults of this folder's options, in a module that imports nothing: the command line's option table reads
 * them at every start, and importing them from the modules that use them would load those modules too.
 */

/** Requests in flight at most, over all models, when the caller does not say. */
export const DEFAULT_CONCURRENCY = 8;

/** The default cache directory, relative to the working directory (git-ignored). */
export const DEFAULT_CACHE_DIR = '.onetoken-eval-cache';
