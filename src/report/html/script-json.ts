/**
 * JSON that can sit inside an HTML `<script type="application/json">` element. The HTML parser ends a script at
 * the first `</script` whatever the JSON means, and `<!--` inside one switches it into an escaped state, so every
 * `<` is written as the JSON escape `\u003c`: JSON only has `<` inside strings, where the escape means the same
 * character, so `JSON.parse` gives the value back unchanged and no output can close the element.
 *
 * Every other non-ASCII character is escaped the same way. That makes CJK text twice as long, but Chromium
 * parses an all-ASCII page in 8-bit strings, and measured on a 10,000-cell page this (with the cells split in
 * blocks, see reporters/html.ts) roughly halved the time to the first screen.
 */

const ESCAPED = /[<\u0080-\uffff]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `JSON.stringify(value)` in ASCII with every `<` escaped, safe between `<script type="application/json">` tags. */
export function toScriptJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  // Testing first spares a copy of most lines: many outputs are plain ASCII without markup.
  ESCAPED.lastIndex = 0;
  return ESCAPED.test(json) ? json.replace(ESCAPED, escape) : json;
}
