/**
 * A small word-level diff (longest common subsequence) for showing how a flipped cell's answer changed.
 * Written here rather than taken from a dependency: outputs are truncated to a few hundred characters, so a
 * quadratic LCS over the middle that differs is cheap, and the format is ours to choose.
 */

/** One run of a diff. */
export interface DiffPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Above this many table cells the middle is shown as one replacement instead of an LCS (bounds the work). */
const MAX_LCS_CELLS = 250_000;

/** Splits text into words and the whitespace between them, so joining the tokens gives the text back. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Word-level diff of `before` into `after`; consecutive parts of the same kind are merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  for (const part of diffMiddle(a.slice(start, endA), b.slice(start, endB))) push(parts, part.op, part.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

/** LCS diff of two token lists that share no prefix or suffix. */
function diffMiddle(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [
      { op: 'delete', text: a.join('') },
      { op: 'insert', text: b.join('') },
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], stored row-major in one typed array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'equal', a[i++]);
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) push(parts, 'delete', a[i++]);
    else push(parts, 'insert', b[j++]);
  }
  while (i < a.length) push(parts, 'delete', a[i++]);
  while (j < b.length) push(parts, 'insert', b[j++]);
  return parts;
}

/** Appends text to the last part when it has the same op; skips empty text. */
function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * Renders a diff in `git diff --word-diff=plain` style: `[-removed-]{+added+}`. Long unchanged runs keep only
 * `context` characters next to each change, and the result is cut to `maxChars` with a trailing `…`.
 * Newlines become `⏎` so the diff fits on one line of a table; identical texts give `(same output)`.
 */
export function formatWordDiff(parts: DiffPart[], options: { maxChars?: number; context?: number } = {}): string {
  const maxChars = options.maxChars ?? 240;
  const context = options.context ?? 24;
  if (!parts.some((part) => part.op !== 'equal')) return '(same output)';
  let text = '';
  parts.forEach((part, k) => {
    const value = part.text.replace(/\r?\n/g, '⏎');
    if (part.op === 'delete') text += `[-${value}-]`;
    else if (part.op === 'insert') text += `{+${value}+}`;
    else text += elide(value, k === 0 ? 0 : context, k === parts.length - 1 ? 0 : context);
  });
  return truncate(text, maxChars);
}

/** Keeps `head` characters at the start and `tail` at the end of an unchanged run, joined by `…`. */
function elide(value: string, head: number, tail: number): string {
  if (value.length <= head + tail + 1) return value;
  return `${value.slice(0, head)}…${value.slice(value.length - tail)}`;
}

/** Cuts `text` to at most `maxChars` characters (ending in `…`) without splitting a surrogate pair. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
