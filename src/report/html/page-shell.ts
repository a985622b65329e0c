/**
 * The fixed parts of report.html around the streamed data: the head with its Content-Security-Policy, the
 * inlined stylesheet, and the inlined page script at the end. The script and stylesheet are bundled at build
 * time (scripts/bundle-page.mjs) and allowed by their sha256 hashes, so the policy can forbid everything else:
 * no request of any kind, no other script, no plugin, no form, no base URL.
 */
import { PAGE_SCRIPT, PAGE_SCRIPT_HASH, PAGE_STYLE, PAGE_STYLE_HASH } from './page-bundle.js';
import { DATA_BLOCK_IDS } from './page-data.js';

/** The policy of the page: only the inlined script and style, and no network at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src '${PAGE_SCRIPT_HASH}'`,
  `style-src '${PAGE_STYLE_HASH}'`,
  "img-src 'none'",
  "connect-src 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** `&`, `<`, `>` and `"` as entities: for the few texts placed in the page as markup (the title). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

/** Everything before the run block's JSON. */
export function pageHead(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main id="app"><noscript>This report needs JavaScript to show its data; results.json holds the same run.</noscript></main>',
    '',
  ].join('\n');
}

/** Opening tag of a JSON data block. */
export function dataBlockStart(name: Exclude<keyof typeof DATA_BLOCK_IDS, 'cells' | 'judgments'>): string {
  return `<script type="application/json" id="${DATA_BLOCK_IDS[name]}">`;
}

/** Opening tag of one of the blocks of cells; each holds a JSON array, and the cells are their concatenation. */
export const CELLS_BLOCK_START = `<script type="application/json" class="${DATA_BLOCK_IDS.cells}">`;

/** Opening tag of one of the blocks of pairwise judgments (only when the run judged pairs), like the cells'. */
export const JUDGMENTS_BLOCK_START = `<script type="application/json" class="${DATA_BLOCK_IDS.judgments}">`;

/** Closing tag of a JSON data block. */
export const DATA_BLOCK_END = '</script>\n';

/** Everything after the last data block: the page script, then the end of the document. */
export function pageTail(): string {
  return `<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`;
}
