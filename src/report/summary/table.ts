/**
 * The table printed at the end of a run: one aligned row per model (and a total row when there are several).
 * Plain text; ANSI colours only when asked, added after padding so they never shift a column.
 */
import { formatCost, formatCount, formatMs, formatPercent, formatScore } from '../text/format.js';
import type { RunSummary } from '../types.js';

/** Options of `renderSummaryTable`. */
export interface SummaryTableOptions {
  /** Colour pass rates and errors with ANSI escapes. @default false */
  color?: boolean;
}

type Tone = 'good' | 'warn' | 'bad' | null;

interface Cell {
  text: string;
  tone: Tone;
}

const HEADER = ['model', 'passed', 'rate', 'score', 'errors', 'p50 ms', 'p95 ms', 'tokens', 'cost'];
const ANSI: Record<Exclude<Tone, null>, string> = { good: '\u001b[32m', warn: '\u001b[33m', bad: '\u001b[31m' };
const RESET = '\u001b[0m';

/** Renders the per-model summary as aligned columns ending in a newline. */
export function renderSummaryTable(summary: RunSummary, options: SummaryTableOptions = {}): string {
  const rows: Cell[][] = summary.models.map((model) =>
    row(model.model, model.passed, model.failed, model.passRate, model.meanScore, model.errored, [
      formatMs(model.latencyP50Ms),
      formatMs(model.latencyP95Ms),
      formatCount(model.totalTokens),
      formatCost(model.cost),
    ]),
  );
  if (summary.models.length !== 1) {
    rows.push(
      row('total', summary.passed, summary.failed, summary.passRate, summary.meanScore, summary.errored, [
        '',
        '',
        formatCount(summary.totalTokens),
        formatCost(summary.cost),
      ]),
    );
  }
  const all: Cell[][] = [HEADER.map((text) => ({ text, tone: null })), ...rows];
  const widths = HEADER.map((_, column) => Math.max(...all.map((cells) => cells[column].text.length)));
  return `${all
    .map((cells) =>
      cells
        .map((cell, column) => {
          // The model name is text, everything else a number: left- and right-aligned.
          const padded = column === 0 ? cell.text.padEnd(widths[column]) : cell.text.padStart(widths[column]);
          return options.color && cell.tone ? `${ANSI[cell.tone]}${padded}${RESET}` : padded;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

function row(
  label: string,
  passed: number,
  failed: number,
  passRate: number | null,
  meanScore: number | null,
  errored: number,
  rest: string[],
): Cell[] {
  const plain = (text: string): Cell => ({ text, tone: null });
  const rateTone: Tone = passRate === null ? null : passRate === 1 ? 'good' : passRate >= 0.5 ? 'warn' : 'bad';
  return [
    plain(label),
    plain(`${formatCount(passed)}/${formatCount(passed + failed)}`),
    { text: formatPercent(passRate), tone: rateTone },
    plain(formatScore(meanScore)),
    { text: formatCount(errored), tone: errored > 0 ? 'bad' : null },
    ...rest.map(plain),
  ];
}
