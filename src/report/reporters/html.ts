/**
 * report.html: one self-contained page (styles, script and data inline, no network) to look at the models side
 * by side. Laid out so it streams like the other reports:
 *
 *   head, CSP, style
 *   <script type="application/json" id="ote-run">{…run…}</script>
 *   <script type="application/json" class="ote-cells">[
 *   {…cell 0…},              <- one compact PageCellLine per line (defaults left out), written as the cell arrives
 *   {…cell 1…}
 *   ]</script>
 *   <script type="application/json" class="ote-cells">[   <- a new block every ~64 KiB of cells
 *   …
 *   ]</script>
 *   <script type="application/json" class="ote-judgments">[   <- only when the run judged pairs: one compact
 *   {…judgment…}                                                  PageJudgment per line, in ~64 KiB blocks
 *   ]</script>
 *   <script type="application/json" id="ote-summary">{…RunSummary…}</script>
 *   <script type="application/json" id="ote-baseline">{…comparison…} or null</script>
 *   <script>…page…</script>
 *
 * Many small blocks rather than one: Chromium parsed a 10,000-cell page about twice as fast that way (one
 * multi-megabyte script text is slow to tokenize). Only the previous cell's messages and parameters are kept
 * between cells, so memory does not grow with the run. Judgments (at most one per row and pair) are already held
 * by the report step for results.json and the summary; each is projected and written at the end.
 */
import type { CellRecord, JudgmentRecord, RunMeta } from '../../run/index.js';
import type { PageBaseline, PageRun } from '../html/page-data.js';
import { toPageCell, toPageJudgment, type PreviousCell } from '../html/page-cell.js';
import { CELLS_BLOCK_START, DATA_BLOCK_END, dataBlockStart, JUDGMENTS_BLOCK_START, pageHead, pageTail } from '../html/page-shell.js';
import { toScriptJson } from '../html/script-json.js';
import type { Reporter, ReportChunk, ReportEnding, RunSummary } from '../types.js';

/** Settings of report.html, resolved. */
export interface HtmlSettings {
  /** Characters of an output or message kept in the page. */
  htmlMaxOutputChars: number;
  /** The comparison with a baseline to show, if any. */
  htmlBaseline: PageBaseline | null;
  /** The run's pairwise judgments, listed in the detail view of their row. @default none */
  pairwise?: { judgments: readonly JudgmentRecord[] } | null;
}

/** Characters of cells after which a new cells block starts. */
const BLOCK_CHARS = 1 << 16;

/** Renders report.html. */
export function renderHtmlReport(meta: RunMeta, settings: HtmlSettings): Reporter {
  let blockChars = 0;
  const previous: PreviousCell = { messagesJson: null, paramsJson: null };
  return {
    start(): string {
      const run = pageRunOf(meta, settings.htmlMaxOutputChars);
      const title = `${meta.suite.name}: onetoken-eval report`;
      return `${pageHead(title)}${dataBlockStart('run')}${toScriptJson(run)}${DATA_BLOCK_END}${CELLS_BLOCK_START}[`;
    },
    cell(record: CellRecord): ReportChunk {
      const line = toScriptJson(toPageCell(record, settings.htmlMaxOutputChars, previous));
      const separator = blockChars === 0 ? '\n' : blockChars > BLOCK_CHARS ? `\n]${DATA_BLOCK_END}${CELLS_BLOCK_START}[\n` : ',\n';
      blockChars = separator === ',\n' ? blockChars + line.length : line.length;
      return { text: separator + line };
    },
    end(summary: RunSummary): ReportEnding {
      const blocks = [
        `\n]${DATA_BLOCK_END}`,
        judgmentBlocks(settings.pairwise?.judgments ?? []),
        `${dataBlockStart('summary')}${toScriptJson(summary)}${DATA_BLOCK_END}`,
        `${dataBlockStart('baseline')}${toScriptJson(settings.htmlBaseline)}${DATA_BLOCK_END}`,
        pageTail(),
      ];
      return { before: blocks.join(''), withSpool: false, after: '' };
    },
  };
}

/** The judgments' blocks, split like the cells'; nothing when the run judged no pairs. */
function judgmentBlocks(judgments: readonly JudgmentRecord[]): string {
  if (judgments.length === 0) return '';
  const blocks: string[] = [];
  let lines: string[] = [];
  let chars = 0;
  for (const judgment of judgments) {
    const line = toScriptJson(toPageJudgment(judgment));
    lines.push(line);
    chars += line.length;
    if (chars > BLOCK_CHARS) {
      blocks.push(`${JUDGMENTS_BLOCK_START}[\n${lines.join(',\n')}\n]${DATA_BLOCK_END}`);
      lines = [];
      chars = 0;
    }
  }
  if (lines.length > 0) blocks.push(`${JUDGMENTS_BLOCK_START}[\n${lines.join(',\n')}\n]${DATA_BLOCK_END}`);
  return blocks.join('');
}

/** The run block: the facts of run.json the header shows, and the page's settings. */
function pageRunOf(meta: RunMeta, maxOutputChars: number): PageRun {
  const description = (meta.suite as { description?: unknown }).description;
  return {
    suite: { name: meta.suite.name, path: meta.suite.path, description: typeof description === 'string' ? description : null },
    toolVersion: meta.tool.version,
    models: meta.models ?? [],
    plannedCells: meta.cells,
    shard: meta.shard,
    baseUrl: meta.baseUrl,
    isMock: meta.baseUrl === 'mock',
    startedAt: meta.startedAt,
    maxOutputChars,
  };
}
