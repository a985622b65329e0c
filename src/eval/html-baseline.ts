/**
 * The baseline view of report.html: maps the report `compareRunRecords` made (the verdicts and flips exactly as
 * `compare` prints them) into the page's data, with a word diff of each flipped cell's outputs (the slim outputs
 * a comparison keeps, cut at OUTPUT_CHARS).
 */
import { diffWords, type CompareCell, type CompareReport, type Flip, type GroupComparison } from '../compare/index.js';
import type { PageBaseline, PageFlip, PageVerdict } from '../report/index.js';

/** The page's baseline view of a comparison; `source` is the baseline path as given. */
export function pageBaselineOf(report: CompareReport, source: string, baseCells: readonly CompareCell[], headCells: readonly CompareCell[]): PageBaseline {
  const flipIds = new Set(report.flips.map((flip) => flip.id));
  const outputs = new Map<string, { base: string; head: string }>();
  for (const cell of baseCells) if (flipIds.has(cell.id)) outputs.set(cell.id, { base: cell.output ?? '', head: '' });
  for (const cell of headCells) {
    const pair = outputs.get(cell.id);
    if (pair) pair.head = cell.output ?? '';
  }
  const flips = [...report.flips].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  return {
    source,
    base: { suite: report.base.suite, startedAt: report.base.startedAt, cells: report.base.cells },
    verdict: report.verdict,
    notes: report.notes,
    alpha: report.options.alpha,
    maxDrop: report.options.maxDrop,
    verdicts: [verdictOf(report.overall), ...report.models.map(verdictOf)],
    flips: flips.map((flip) => flipOf(flip, outputs.get(flip.id))),
    onlyInBase: report.onlyInBase.length,
    onlyInHead: report.onlyInHead.length,
  };
}

/** Pass-to-fail flips come first: they are what a reviewer must look at. */
function rank(flip: Flip): number {
  return flip.direction === 'pass-to-fail' ? 0 : 1;
}

function verdictOf(group: GroupComparison): PageVerdict {
  return {
    model: group.model,
    verdict: group.verdict,
    reason: group.reason,
    basePassRate: group.passRate.base,
    headPassRate: group.passRate.head,
    delta: group.passRate.delta,
    interval: group.passRate.interval,
    test: group.test.name,
    pValue: group.test.pValue,
    pAdjusted: group.test.pAdjusted,
    worse: group.test.worse,
    better: group.test.better,
  };
}

function flipOf(flip: Flip, output: { base: string; head: string } | undefined): PageFlip {
  return {
    id: flip.id,
    model: flip.model,
    prompt: flip.prompt,
    case: flip.case,
    repeat: flip.repeat,
    direction: flip.direction,
    baseReasons: flip.base.failedReasons,
    headReasons: flip.head.failedReasons,
    diff: diffWords(output?.base ?? '', output?.head ?? ''),
  };
}
