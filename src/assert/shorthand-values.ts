/**
 * Turning the text after `type:` in a data file's `__expected` column into option values. Text that does not
 * fit is passed through unchanged, so validation reports it ("expected number, got string") instead of it
 * silently becoming 0 or NaN.
 */

/** A decimal number (`2000`, `0.05`) as a number; any other text unchanged. */
export function numberArgument(text: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
}

/** A comma-separated list (`Paris, Lyon`) as its trimmed, non-empty items. */
export function listArgument(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}
