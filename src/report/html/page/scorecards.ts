/** One card per model: pass rate with its 95% Wilson interval drawn as a bar, and the run's measures. */
import type { ModelSummary } from '../../types.js';
import { h } from './element.js';
import { formatCost, formatCount, formatInterval, formatMs, formatPercent, formatScore } from './format.js';

/** The interval as a bar on 0..100%, with the point estimate marked; the numbers are written beside it. */
function intervalBar(rate: number | null, interval: { low: number; high: number } | null): HTMLElement {
  const bar = h('div', { class: 'interval', role: 'img', 'aria-label': `95% interval ${formatInterval(interval)}` });
  if (interval) {
    const range = h('div', { class: 'range' });
    range.style.left = `${interval.low * 100}%`;
    range.style.width = `${(interval.high - interval.low) * 100}%`;
    bar.appendChild(range);
  }
  if (rate !== null) {
    const point = h('div', { class: 'point' });
    point.style.left = `calc(${rate * 100}% - 1px)`;
    bar.appendChild(point);
  }
  return bar;
}

function row(label: string, value: string, testId?: string): Node[] {
  return [h('dt', null, label), h('dd', testId ? { 'data-testid': testId } : null, value)];
}

/** Renders the card of one model. */
export function renderScorecard(model: ModelSummary): HTMLElement {
  const scored = model.passed + model.failed;
  const entries = [
    ...row('passed', `${formatCount(model.passed)} / ${formatCount(scored)}`, 'card-passed'),
    ...row('failed', formatCount(model.failed), 'card-failed'),
    ...row('errors', formatCount(model.errored), 'card-errored'),
    ...row('mean score', `${formatScore(model.meanScore)} (${formatInterval(model.meanScoreInterval)})`),
    ...row('latency p50 / p95', `${formatMs(model.latencyP50Ms)} / ${formatMs(model.latencyP95Ms)}`),
    ...row('tokens', formatCount(model.totalTokens)),
    ...row('cost', formatCost(model.cost)),
    ...row('cached', formatCount(model.cached)),
  ];
  if (model.repeats) {
    entries.push(...row('pass@k', formatPercent(model.repeats.meanPassAtK)), ...row('pass^k', formatPercent(model.repeats.meanPassHatK)));
  }
  for (const [name, value] of Object.entries(model.metrics)) entries.push(...row(`metric ${name}`, formatScore(value)));
  return h(
    'article',
    { class: 'card', 'data-model': model.model },
    h('h3', null, model.model),
    h('div', { class: 'muted' }, model.modelId),
    h('div', { class: 'rate', 'data-testid': 'card-rate' }, formatPercent(model.passRate)),
    intervalBar(model.passRate, model.passRateInterval),
    h('div', { class: 'muted' }, `95% interval ${formatInterval(model.passRateInterval)}`),
    h('dl', null, ...entries),
  );
}

/** Renders every card, in the summary's model order. */
export function renderScorecards(models: readonly ModelSummary[]): HTMLElement {
  return h('section', { 'aria-label': 'Models' }, h('h2', null, 'Models'), h('div', { class: 'cards' }, ...models.map(renderScorecard)));
}
