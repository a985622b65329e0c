/**
 * The defaults of this folder's options, in a module that imports nothing: the command line's option table reads
 * them at every start, and importing them from the modules that use them would load those modules too.
 */

/** Share of the base's cells the head must also have, when the caller does not say. */
export const DEFAULT_MIN_COVERAGE = 0.9;

/** Significance level of the paired tests when the caller does not say. */
export const DEFAULT_ALPHA = 0.05;

/** Pass-rate drop (0..1) tolerated before a significant fall counts as a regression, when the caller does not say. */
export const DEFAULT_MAX_DROP = 0;
