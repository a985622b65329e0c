/** Escaping for GitHub-flavoured markdown, so cell text cannot break a table or inject HTML into a CI summary. */

/** Text safe inside a table cell or a list item: one line, markdown punctuation and HTML escaped. */
export function escapeInline(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~#&]/g, (char) => `\\${char}`);
}

/** An inline code span that holds `text` whatever backticks it contains (CommonMark: a longer fence). */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A fenced code block that holds `text` whatever fences it contains. */
export function codeBlock(text: string, language = 'text'): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A markdown table; `align` is 'l' or 'r' per column. */
export function table(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const rule = align.map((side) => (side === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
