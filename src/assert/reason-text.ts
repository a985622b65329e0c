/** Building blocks of reason sentences, so every kind quotes and truncates values the same way. */

/** Longest quoted value in a reason, in code points. @default 60 */
export const QUOTE_MAX_CHARS = 60;

/**
 * A value quoted for a reason: JSON string quoting (so newlines show as `\n`), cut to `maxChars` code points
 * with a trailing `…`. Non-strings are shown as compact JSON.
 */
export function quote(value: unknown, maxChars = QUOTE_MAX_CHARS): string {
  if (typeof value !== 'string') return truncate(JSON.stringify(value) ?? String(value), maxChars);
  return JSON.stringify(truncate(value, maxChars));
}

/** Cuts `text` to `maxChars` code points, ending with `…` when anything was cut. */
export function truncate(text: string, maxChars = QUOTE_MAX_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars).join('')}…`;
}

/** A list of quoted values: `"a", "b" and "c"`, or with `or` for alternatives. @default 'and' */
export function quoteList(values: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const quoted = values.map((value) => quote(value));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}

/** A number for a reason: at most 3 decimals, no trailing zeros (0.8, 0.667, 12). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** The JSON type name of a value, as used in "expected X, got Y": null, array, object, string, number... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}
