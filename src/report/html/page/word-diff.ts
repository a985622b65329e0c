/** A word diff as text: deleted words in `<del>`, inserted in `<ins>` (struck through and underlined, not only coloured). */
import type { PageFlip } from '../page-data.js';
import { h } from './element.js';

/** Renders the parts of a diff computed by `compare`. */
export function renderWordDiff(diff: PageFlip['diff']): HTMLElement {
  return h(
    'pre',
    { class: 'diff', 'aria-label': 'Output of the baseline changed into this run’s: deletions struck through, insertions underlined' },
    ...diff.map((part) => (part.op === 'equal' ? part.text : h(part.op === 'delete' ? 'del' : 'ins', null, part.text))),
  );
}
