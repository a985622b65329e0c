/**
 * Latency distribution per model, hand-drawn in SVG (a chart library would be most of the page's weight for
 * two small charts): one histogram strip per model on a shared axis, with its p50 (solid) and p95 (dashed)
 * marked and written out, so the tail of a slow model shows at a glance.
 */
import type { ModelSummary } from '../../types.js';
import type { PageCell } from '../page-data.js';
import { svg } from './element.js';
import { formatMs } from './format.js';

const BINS = 24;
const WIDTH = 640;
const LABEL_WIDTH = 120;
const STRIP_HEIGHT = 30;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 190;

/** Latencies of answered cells per model, the same cells the summary's percentiles count. */
function latenciesByModel(cells: readonly PageCell[]): Map<string, number[]> {
  const byModel = new Map<string, number[]>();
  for (const cell of cells) {
    if (cell.error !== null || cell.latencyMs === null) continue;
    let list = byModel.get(cell.model);
    if (!list) byModel.set(cell.model, (list = []));
    list.push(cell.latencyMs);
  }
  return byModel;
}

/** Renders the chart; null when no cell has a latency. */
export function renderLatencyChart(cells: readonly PageCell[], models: readonly ModelSummary[]): SVGSVGElement | null {
  const byModel = latenciesByModel(cells);
  // The axis ends at the largest p95 (not the maximum), so one outlier does not squash every strip.
  const axisMax = Math.max(1, ...models.map((model) => (model.latencyP95Ms ?? 0) * 1.25));
  const shown = models.filter((model) => (byModel.get(model.model)?.length ?? 0) > 0);
  if (shown.length === 0) return null;
  const height = shown.length * STRIP_HEIGHT + 28;
  const chart = svg('svg', { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'latency-title' });
  chart.appendChild(svg('title', { id: 'latency-title' }, 'Latency distribution per model (answered cells); solid line p50, dashed line p95'));
  shown.forEach((model, position) => {
    const latencies = byModel.get(model.model) ?? [];
    const counts = new Array<number>(BINS).fill(0);
    for (const latency of latencies) counts[Math.min(BINS - 1, Math.floor((latency / axisMax) * BINS))]++;
    const tallest = Math.max(...counts);
    const top = position * STRIP_HEIGHT + 4;
    chart.appendChild(svg('text', { x: 0, y: top + 16 }, model.model));
    counts.forEach((count, bin) => {
      if (count === 0) return;
      const barHeight = Math.max(1, (count / tallest) * (STRIP_HEIGHT - 8));
      const x = LABEL_WIDTH + (bin * PLOT_WIDTH) / BINS;
      chart.appendChild(svg('rect', { class: 'bin', x, y: top + STRIP_HEIGHT - 8 - barHeight, width: PLOT_WIDTH / BINS - 1, height: barHeight }, svg('title', null, `${count} cells`)));
    });
    for (const [name, value] of [['p50', model.latencyP50Ms], ['p95', model.latencyP95Ms]] as const) {
      if (value === null) continue;
      const x = LABEL_WIDTH + Math.min(1, value / axisMax) * PLOT_WIDTH;
      chart.appendChild(svg('line', { class: name, x1: x, x2: x, y1: top, y2: top + STRIP_HEIGHT - 8 }));
    }
    chart.appendChild(svg('text', { x: LABEL_WIDTH + PLOT_WIDTH + 8, y: top + 16 }, `p50 ${formatMs(model.latencyP50Ms)} · p95 ${formatMs(model.latencyP95Ms)}`));
  });
  const axisY = shown.length * STRIP_HEIGHT + 6;
  chart.appendChild(svg('line', { class: 'axis', x1: LABEL_WIDTH, x2: LABEL_WIDTH + PLOT_WIDTH, y1: axisY, y2: axisY }));
  chart.appendChild(svg('text', { x: LABEL_WIDTH, y: axisY + 16 }, '0'));
  chart.appendChild(svg('text', { x: LABEL_WIDTH + PLOT_WIDTH, y: axisY + 16, 'text-anchor': 'end' }, formatMs(axisMax)));
  return chart;
}
