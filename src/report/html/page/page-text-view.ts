/** A cut text as the page shows it: the kept part, then a marker saying how much was left out and where it is. */
import type { PageText } from '../page-data.js';
import { h } from './element.js';
import { formatCount } from './format.js';

/** A `<pre>` with the text, and the cut marker when the report kept only the start. */
export function renderPageText(text: PageText, testId?: string): HTMLElement {
  const isCut = text.chars > text.text.length;
  return h(
    'div',
    null,
    h('pre', testId ? { 'data-testid': testId } : null, text.text),
    isCut
      ? h('div', { class: 'cut', 'data-testid': 'cut-marker' }, `[cut: showing ${formatCount(text.text.length)} of ${formatCount(text.chars)} characters; results.json has the whole text]`)
      : null,
  );
}
