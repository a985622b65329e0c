/**
 * JSON that can sit inside an HTML `<script type="application/json">` element. The HTML parser ends a script at
 * the first `</script` whatever the JSON means, and `<!--` inside one switches it into an escaped state, so every
 * `<` is written as the JSON escape `\u003c`: JSON only has `<` inside strings, where the escape means the same
 * character, so `JSON.parse` gives the value back unchanged and no output can close the element.
 */

const LESS_THAN = /</g;

/** `JSON.stringify(value)` with every `<` escaped, safe to place between `<script type="application/json">` tags. */
export function toScriptJson(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  // Testing first spares a copy of most lines: few outputs contain markup.
  return json.includes('<') ? json.replace(LESS_THAN, '\\u003c') : json;
}
