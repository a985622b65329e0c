/**
 * Cost against pass rate, one point per model: the models worth their price sit up and to the left. Hand-drawn
 * SVG like the latency chart; each point is labelled with the model and its numbers, not only placed.
 */
import type { ModelSummary } from '../../types.js';
import { svg } from './element.js';
import { formatCost, formatPercent } from './format.js';

const WIDTH = 420;
const HEIGHT = 260;
const LEFT = 44;
const BOTTOM = 34;
const TOP = 22;
const RIGHT = 16;

/** Renders the chart; null when no model has both a cost and a pass rate (no pricing in the suite). */
export function renderCostChart(models: readonly ModelSummary[]): SVGSVGElement | null {
  const points = models.filter((model) => model.cost !== null && model.passRate !== null);
  if (points.length === 0) return null;
  const maxCost = Math.max(...points.map((model) => model.cost ?? 0)) * 1.15 || 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const chart = svg('svg', { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': 'cost-title' });
  chart.appendChild(svg('title', { id: 'cost-title' }, 'Estimated cost (x) against pass rate (y), one point per model'));
  chart.appendChild(svg('line', { class: 'axis', x1: LEFT, x2: LEFT, y1: TOP, y2: TOP + plotHeight }));
  chart.appendChild(svg('line', { class: 'axis', x1: LEFT, x2: LEFT + plotWidth, y1: TOP + plotHeight, y2: TOP + plotHeight }));
  for (const rate of [0, 0.5, 1]) {
    chart.appendChild(svg('text', { x: LEFT - 6, y: TOP + plotHeight - rate * plotHeight + 4, 'text-anchor': 'end' }, `${rate * 100}%`));
  }
  chart.appendChild(svg('text', { x: LEFT, y: HEIGHT - 8 }, '$0'));
  chart.appendChild(svg('text', { x: LEFT + plotWidth, y: HEIGHT - 8, 'text-anchor': 'end' }, `${formatCost(maxCost)} (cost)`));
  for (const model of points) {
    const x = LEFT + ((model.cost ?? 0) / maxCost) * plotWidth;
    const y = TOP + plotHeight - (model.passRate ?? 0) * plotHeight;
    const label = `${model.model}: ${formatPercent(model.passRate)} at ${formatCost(model.cost)}`;
    chart.appendChild(svg('circle', { class: 'dot', cx: x, cy: y, r: 5 }, svg('title', null, label)));
    const isRightHalf = x > LEFT + plotWidth / 2;
    chart.appendChild(svg('text', { x: isRightHalf ? x - 8 : x + 8, y: y - 6, 'text-anchor': isRightHalf ? 'end' : 'start' }, model.model));
  }
  return chart;
}
