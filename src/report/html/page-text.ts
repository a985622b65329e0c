/** Cutting long texts for the page: results.json keeps them whole, the page keeps the first part and says so. */
import type { PageText } from './page-data.js';

/** Default of `htmlMaxOutputChars`: characters of an output or message kept in the page. */
export const DEFAULT_HTML_MAX_OUTPUT_CHARS = 4000;

/**
 * The first `maxChars` UTF-16 code units of `text`, never splitting a surrogate pair, with the whole length.
 * The cut text is serialized at once and dropped, so sharing the parent's memory through `slice` costs nothing.
 */
export function cutText(text: string, maxChars: number): PageText {
  if (text.length <= maxChars) return { text, chars: text.length };
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), chars: text.length };
}
