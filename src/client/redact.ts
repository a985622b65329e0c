/**
 * Keeping the key out of everything we write. The key only ever travels in the `Authorization` header, but servers
 * and proxies have been known to echo it back ("Incorrect API key provided: sk-..."), and a model can be talked
 * into repeating it, so every server-supplied string passes through here before it reaches a message, a snippet,
 * a verbose line, the cache or the journal.
 *
 * Not only the exact key: its URL-encoded and base64 forms (at every byte alignment, so a key inside a longer
 * base64 string such as a `Basic` header is caught too), any change of case, and the key without an `sk-` style
 * prefix when what remains is long enough to be unique.
 */
import type { Completion } from '../wire/index.js';
import type { Failure } from './failure.js';

/** Replacement shown where the key was. */
export const REDACTED = '[redacted]';

/** Longest raw snippet kept on an error, in characters. */
export const SNIPPET_CHARS = 200;

/** Shortest variant worth redacting: shorter strings would match ordinary text by chance. */
const MIN_VARIANT_CHARS = 12;

/** The prefix-less key is redacted only when this long (16 characters of a random key do not occur by chance). */
const MIN_PREFIXLESS_CHARS = 16;

let memo: { secret: string; pattern: RegExp | null } = { secret: '', pattern: null };

/** Every form of the key we redact, longest first. */
export function secretVariants(secret: string): string[] {
  if (secret.length === 0) return [];
  const variants = new Set<string>([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')]);
  const prefixless = /^[A-Za-z]{1,10}[-_](?:[A-Za-z]{1,10}[-_])?(.+)$/.exec(secret)?.[1];
  if (prefixless && prefixless.length >= MIN_PREFIXLESS_CHARS) variants.add(prefixless);
  for (const text of [secret, `Bearer ${secret}`]) for (const encoded of base64Forms(text)) variants.add(encoded);
  return [...variants].filter((variant) => variant.length >= Math.min(MIN_VARIANT_CHARS, secret.length)).sort((a, b) => b.length - a.length);
}

/**
 * The base64 (and base64url) characters that encode `text` whatever its byte offset in a longer string: for each
 * of the three alignments, only the groups made of `text`'s bytes alone.
 */
function base64Forms(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Skip the group that mixes padding bytes in; keep whole groups up to the last one fully inside `text`.
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor(padded.length / 3) * 4;
    const middle = encoded.slice(start, end);
    if (middle.length === 0) continue;
    forms.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function patternFor(secret: string): RegExp | null {
  if (memo.secret !== secret) {
    const variants = secretVariants(secret);
    const source = variants.map((variant) => variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    // Case-insensitive: a proxy that upper-cases headers or a model that "shouts" the key still leaks it.
    memo = { secret, pattern: variants.length > 0 ? new RegExp(source, 'gi') : null };
  }
  return memo.pattern;
}

/** The text with every form of `secret` replaced; unchanged when the secret is empty. */
export function redactSecret(text: string, secret: string): string {
  const pattern = patternFor(secret);
  if (pattern === null || text.length === 0) return text;
  pattern.lastIndex = 0;
  return text.replace(pattern, REDACTED);
}

/** A nullable string redacted. */
function redactNullable(text: string | null, secret: string): string | null {
  return text === null ? null : redactSecret(text, secret);
}

/** One line of at most `maxChars` characters: whitespace runs collapsed, an ellipsis when cut, the secret redacted. */
export function oneLineSnippet(text: string, secret: string, maxChars: number = SNIPPET_CHARS): string {
  // Redact before cutting, so a key split by the cut cannot leave a recognisable prefix behind.
  const flat = redactSecret(text, secret).replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}

/**
 * A completion with every server-supplied string redacted: the one place an answer is cleaned before the cache,
 * the journal and every report see it (content whole, so a key split across SSE chunks is caught too).
 */
export function redactCompletion(completion: Completion, secret: string): Completion {
  return {
    ...completion,
    content: redactSecret(completion.content, secret),
    finishReason: redactNullable(completion.finishReason, secret),
    model: redactNullable(completion.model, secret),
    systemFingerprint: redactNullable(completion.systemFingerprint, secret),
    responseId: redactNullable(completion.responseId, secret),
    requestId: redactNullable(completion.requestId, secret),
    citations: completion.citations.map((citation) => ({ ...citation, url: redactSecret(citation.url, secret), title: redactNullable(citation.title, secret) })),
  };
}

/** A failed attempt with every server-supplied string redacted (message, param, raw snippet, request id). */
export function redactFailure(failure: Failure, secret: string): Failure {
  return {
    ...failure,
    summary: redactSecret(failure.summary, secret),
    serverMessage: redactNullable(failure.serverMessage, secret),
    param: redactNullable(failure.param, secret),
    raw: redactNullable(failure.raw, secret),
    requestId: redactNullable(failure.requestId, secret),
  };
}
