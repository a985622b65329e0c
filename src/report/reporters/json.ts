/**
 * results.json, laid out for whole-file readers (it is one JSON document) and for line-based streaming readers:
 *
 *   {"version": 1,
 *   "run": {…run.json, compact…},
 *   "cells": [
 *   {…cell 0…},            <- exactly one compact cell per line, `,` after each but the last,
 *   {…cell 1…}                keys in file order (the journal writes them so)
 *   ],
 *   "summary": {            <- RunSummary, pretty-printed
 *     …
 *   },
 *   "repeatGroups": [       <- only when some cell has repeat > 0; one compact group per line
 *   {…group…}
 *   ],
 *   "judgments": [          <- only when the run judged pairs (version 3); one compact judgment per line
 *   {…judgment…}
 *   ]
 *   }
 *
 * The compare step reads the lines between `"cells": [` and `],` one by one, so this layout is a contract.
 * Repeat groups are only known after their block, so they are spooled and copied in after the summary.
 */
import type { CellRecord, JudgmentRecord, RunMeta } from '../../run/index.js';
import { RESULTS_VERSION } from '../results-schema.js';
import type { RepeatGroup, Reporter, ReportChunk, ReportEnding, RunSummary } from '../types.js';

/** The line after which cells start; readers look for it. */
export const CELLS_OPENING_LINE = '"cells": [';
/** The line that ends the cells. */
export const CELLS_CLOSING_LINE = '],';

/** Renders results.json. */
export function renderResultsJson(meta: RunMeta, judgments: readonly JudgmentRecord[] = []): Reporter {
  let cells = 0;
  let groups = 0;
  return {
    start: () => `{"version": ${RESULTS_VERSION},\n"run": ${toJsonLine(meta)},\n${CELLS_OPENING_LINE}`,
    cell(record: CellRecord): ReportChunk {
      return { text: `${cells++ === 0 ? '\n' : ',\n'}${toJsonLine(record)}` };
    },
    groups(batch: readonly RepeatGroup[]): ReportChunk {
      let spool = '';
      for (const group of batch) spool += `${groups++ === 0 ? '\n' : ',\n'}${toJsonLine(group)}`;
      return { spool };
    },
    end(summary: RunSummary): ReportEnding {
      const head = `\n${CELLS_CLOSING_LINE}\n"summary": ${escapeLineBreakers(JSON.stringify(summary, null, 2))}`;
      const tail = judgments.length === 0 ? '' : `,\n"judgments": [\n${judgments.map((judgment) => toJsonLine(judgment)).join(',\n')}\n]`;
      if (summary.repeatGroups === 0) return { before: `${head}${tail}\n}\n`, withSpool: false, after: '' };
      return { before: `${head},\n"repeatGroups": [`, withSpool: true, after: `\n]${tail}\n}\n` };
    },
  };
}

/**
 * Compact JSON that stays on one line for every line splitter: JSON.stringify already escapes `\n` and `\r`,
 * but leaves U+2028, U+2029 and U+0085 raw, which Python's `str.splitlines` and some editors treat as breaks.
 */
export function toJsonLine(value: unknown): string {
  return escapeLineBreakers(JSON.stringify(value));
}

const LINE_BREAKERS = /[\u0085\u2028\u2029]/;

/** JSON text with U+0085, U+2028 and U+2029 written as escapes; they can only occur inside strings. */
function escapeLineBreakers(json: string): string {
  // Testing first spares a copy of every line: these characters almost never occur.
  if (!LINE_BREAKERS.test(json)) return json;
  return json.replace(/[\u0085\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
