/** The page header: which suite, run, endpoint and models this is, and whether the run is complete. */
import { h } from './element.js';
import { formatCost, formatCount } from './format.js';
import type { ReportData } from './report-data.js';

function fact(label: string, ...value: (Node | string)[]): HTMLLIElement {
  return h('li', null, h('span', null, label), h('span', null, ...value));
}

/** Renders the header. Cost is the answers' plus the graders'; both are shown when graders ran. */
export function renderHeader(data: ReportData): HTMLElement {
  const { run, summary } = data;
  const isComplete = summary.cells >= run.plannedCells;
  const totalCost = summary.cost === null && summary.graders.cost === null ? null : (summary.cost ?? 0) + (summary.graders.cost ?? 0);
  const endpoint = run.isMock
    ? h('span', null, 'built-in mock ', h('span', { class: 'badge mock', 'data-testid': 'mock-badge' }, 'MOCK: not a real model'))
    : h('span', null, run.baseUrl);
  const facts = [
    fact('suite file', run.suite.path),
    fact('models', run.models.join(', ') || '—'),
    fact('cells', h('span', { 'data-testid': 'header-cells' }, formatCount(summary.cells)),
      isComplete ? '' : h('span', { class: 'badge incomplete' }, `incomplete: ${formatCount(summary.cells)} of ${formatCount(run.plannedCells)}`)),
    fact('passed', h('span', { 'data-testid': 'header-passed' }, formatCount(summary.passed))),
    fact('failed', h('span', { 'data-testid': 'header-failed' }, formatCount(summary.failed))),
    fact('errored', h('span', { 'data-testid': 'header-errored' }, formatCount(summary.errored))),
    fact('started', run.startedAt),
    fact('endpoint', endpoint),
    fact('tool', `onetoken-eval ${run.toolVersion}`),
    run.shard ? fact('shard', `${run.shard.index + 1} of ${run.shard.count}`) : null,
    fact('cost', formatCost(totalCost), summary.graders.calls > 0 ? ` (answers ${formatCost(summary.cost)}, graders ${formatCost(summary.graders.cost)})` : ''),
  ];
  return h(
    'header',
    null,
    h('h1', null, run.suite.name, isComplete ? '' : h('span', { class: 'badge incomplete' }, 'incomplete run')),
    run.suite.description ? h('p', { class: 'muted' }, run.suite.description) : null,
    h('ul', { class: 'facts' }, ...facts),
  );
}
