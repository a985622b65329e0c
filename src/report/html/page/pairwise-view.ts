/**
 * The pairwise section of the page (issue 14): the rubric, a win-rate matrix (row model against column model,
 * ties counting half) and, with three or more models, the Bradley–Terry ranking. Drawn from the summary the page
 * already embeds, so report.html rewritten from results.json alone shows it too.
 */
import type { PairwiseSummary } from '../../types.js';
import { h } from './element.js';
import { formatInterval, formatPercent, formatScore } from './format.js';

/** The win-rate matrix: `matrix.winRate[i][j]` is how often models[i] beat models[j]; empty where not judged. */
function matrixTable(pairwise: PairwiseSummary): HTMLElement {
  const { models, winRate } = pairwise.matrix;
  const head = h('tr', null, h('th', { scope: 'col' }, 'row beats column'), ...models.map((model) => h('th', { scope: 'col' }, model)));
  const rows = models.map((model, i) =>
    h('tr', null, h('th', { scope: 'row' }, model), ...models.map((_, j) => h('td', { 'data-testid': `win-rate-${i}-${j}` }, i === j ? '' : formatPercent(winRate[i]?.[j] ?? null)))),
  );
  return h('table', { class: 'verdicts', 'aria-label': 'Win-rate matrix' }, h('thead', null, head), h('tbody', null, ...rows));
}

function rankingTable(ranking: NonNullable<PairwiseSummary['ranking']>): HTMLElement {
  const head = h('tr', null, ...['Rank', 'Model', 'Strength', '95% interval'].map((label) => h('th', { scope: 'col' }, label)));
  const rows = ranking.map((entry) => h('tr', null, h('td', null, entry.rank), h('td', null, entry.model), h('td', null, formatScore(entry.strength)), h('td', null, formatInterval(entry.strengthInterval))));
  return h('table', { class: 'verdicts', 'aria-label': 'Ranking' }, h('thead', null, head), h('tbody', null, ...rows));
}

/** Renders the pairwise section, or null when the run judged no pairs. */
export function renderPairwiseView(pairwise: PairwiseSummary | null | undefined): HTMLElement | null {
  if (!pairwise) return null;
  const about = `${pairwise.judgments} judgments (${pairwise.errored} errored); each row judged twice with the answers swapped, disagreeing verdicts count as ties; win rates count ties as half.`;
  return h(
    'section',
    { 'aria-label': 'Pairwise', 'data-testid': 'pairwise' },
    h('h2', null, 'Pairwise'),
    h('p', { class: 'muted' }, `Rubric: ${pairwise.rubric}`),
    h('p', { class: 'muted' }, about),
    matrixTable(pairwise),
    pairwise.ranking ? h('h3', null, 'Ranking (Bradley–Terry, 95% bootstrap intervals)') : null,
    pairwise.ranking ? rankingTable(pairwise.ranking) : null,
  );
}
