/**
 * Keeping the key out of text we show. The key only ever travels in the `Authorization` header, but servers and
 * proxies have been known to echo it back ("Incorrect API key provided: sk-..."), so every server-supplied string
 * passes through here before it reaches a message, a snippet or a verbose line.
 */

/** Replacement shown where the key was. */
export const REDACTED = '[redacted]';

/** Longest raw snippet kept on an error, in characters. */
export const SNIPPET_CHARS = 200;

/** The text with every occurrence of `secret` replaced; unchanged when the secret is empty. */
export function redactSecret(text: string, secret: string): string {
  return secret.length > 0 && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** One line of at most `maxChars` characters: whitespace runs collapsed, an ellipsis when cut, the secret redacted. */
export function oneLineSnippet(text: string, secret: string, maxChars: number = SNIPPET_CHARS): string {
  // Redact before cutting, so a key split by the cut cannot leave a recognisable prefix behind.
  const flat = redactSecret(text, secret).replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}
