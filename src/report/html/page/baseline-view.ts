/**
 * The comparison with a baseline, as `compare` decided it: the overall verdict, the verdict per model with its
 * delta, 95% interval and p-values, then every flipped cell, pass → fail first, with a word diff of its output. Only the first flips are drawn until asked, so a run where everything changed stays quick.
 */
import type { PageBaseline, PageFlip, PageVerdict } from '../page-data.js';
import { h } from './element.js';
import { formatCount, formatInterval, formatP, formatPercent, formatPoints } from './format.js';
import { renderWordDiff } from './word-diff.js';

/** Flips drawn before "show all". */
const FIRST_FLIPS = 200;

const VERDICT_TEXT: Record<PageVerdict['verdict'], string> = { regression: '▼ regression', improvement: '▲ improvement', 'no-change': '● no change' };

/** Signed interval of a difference, in points. */
function deltaInterval(interval: PageVerdict['interval']): string {
  return interval ? `${formatPoints(interval.low)} to ${formatPoints(interval.high)}` : '—';
}

function verdictTable(baseline: PageBaseline): HTMLElement {
  const header = ['model', 'verdict', 'base', 'head', 'delta', '95% interval', 'test', 'p', 'p (Holm)', 'reason'];
  return h(
    'table',
    { class: 'verdicts', 'data-testid': 'verdicts' },
    h('thead', null, h('tr', null, ...header.map((text) => h('th', null, text)))),
    h('tbody', null, ...baseline.verdicts.map((verdict) =>
      h(
        'tr',
        { 'data-model': verdict.model ?? '' },
        h('td', null, verdict.model ?? 'all models'),
        h('td', { class: `verdict-${verdict.verdict}`, 'data-testid': 'verdict' }, VERDICT_TEXT[verdict.verdict]),
        h('td', null, formatPercent(verdict.basePassRate)),
        h('td', null, formatPercent(verdict.headPassRate)),
        h('td', null, formatPoints(verdict.delta)),
        h('td', null, deltaInterval(verdict.interval)),
        h('td', null, `${verdict.test} (${verdict.worse} worse, ${verdict.better} better)`),
        h('td', null, formatP(verdict.pValue)),
        h('td', null, formatP(verdict.pAdjusted)),
        h('td', null, verdict.reason),
      ),
    )),
  );
}

function renderFlip(flip: PageFlip, onOpen: (id: string) => void): HTMLElement {
  const open = h('button', { type: 'button' }, 'Open cell');
  open.addEventListener('click', () => onOpen(flip.id));
  const reasons = (label: string, list: string[]) => (list.length > 0 ? h('div', null, h('span', { class: 'muted' }, `${label}: `), list.join('; ')) : null);
  return h(
    'article',
    { class: 'flip', 'data-id': flip.id, 'data-direction': flip.direction },
    h('h3', null, h('span', { class: `status ${flip.direction === 'pass-to-fail' ? 'fail' : 'pass'}` }, flip.direction === 'pass-to-fail' ? '✓ → ✗ pass to fail' : '✗ → ✓ fail to pass'), ` ${flip.id}`),
    reasons('baseline failed', flip.baseReasons),
    reasons('now failed', flip.headReasons),
    renderWordDiff(flip.diff),
    open,
  );
}

/** Renders the baseline tab; `onOpen` opens a cell of this run by id. */
export function renderBaselineView(baseline: PageBaseline, onOpen: (id: string) => void): HTMLElement {
  const flips = h('div', { 'data-testid': 'flips' });
  const drawFlips = (count: number) => {
    flips.replaceChildren(...baseline.flips.slice(0, count).map((flip) => renderFlip(flip, onOpen)));
    if (count < baseline.flips.length) {
      const more = h('button', { type: 'button' }, `Show all ${formatCount(baseline.flips.length)} flips`);
      more.addEventListener('click', () => drawFlips(baseline.flips.length));
      flips.append(more);
    }
  };
  drawFlips(FIRST_FLIPS);
  const worse = baseline.flips.filter((flip) => flip.direction === 'pass-to-fail').length;
  return h(
    'section',
    { 'aria-label': 'Baseline comparison' },
    h('h2', null, 'Against the baseline: ', h('span', { class: `verdict-${baseline.verdict}`, 'data-testid': 'overall-verdict' }, VERDICT_TEXT[baseline.verdict])),
    h('p', { class: 'muted' }, `baseline ${baseline.source} (${baseline.base.suite}, started ${baseline.base.startedAt}, ${formatCount(baseline.base.cells)} cells); alpha ${baseline.alpha}, tolerated drop ${(baseline.maxDrop * 100).toFixed(1)} points`),
    ...baseline.notes.map((note) => h('p', { class: 'muted' }, `note: ${note}`)),
    baseline.onlyInBase + baseline.onlyInHead > 0 ? h('p', { class: 'muted' }, `unmatched cells: ${formatCount(baseline.onlyInBase)} only in the baseline, ${formatCount(baseline.onlyInHead)} only in this run`) : null,
    h('h3', null, 'Verdict per model'),
    verdictTable(baseline),
    h('h3', null, `Flips (${formatCount(worse)} pass → fail, ${formatCount(baseline.flips.length - worse)} fail → pass)`),
    baseline.flips.length === 0 ? h('p', { class: 'muted' }, 'No cell changed between pass and fail.') : null,
    flips,
  );
}
