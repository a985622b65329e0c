/**
 * The one rule of what an exchange spent, shared by `--max-cost` (run), the progress line (cli) and the summary
 * (report) so the three always agree: an answer or grader call served from the cache was free, everything else
 * costs its estimate. Here in the leaf because all three use it and `report` may not import `run` code; the input
 * is structural (a cell record fits it).
 */

/** What the rule reads of a cell record. */
export interface Spending {
  cached: boolean;
  /** The answer's estimated USD, null without a price. */
  cost: number | null;
  graderCalls: readonly { cached: boolean; cost: number | null }[];
}

/** What one record spent, answers and grading apart; each null when nothing of it was priced. */
export interface RecordSpend {
  answers: number | null;
  graders: number | null;
}

/** What a record spent: its answer unless cached, its grader calls unless cached; null halves had no price. */
export function spendOf(record: Spending): RecordSpend {
  const answers = record.cost === null ? null : record.cached ? 0 : record.cost;
  let graders: number | null = null;
  for (const call of record.graderCalls) {
    if (call.cost !== null) graders = (graders ?? 0) + (call.cached ? 0 : call.cost);
  }
  return { answers, graders };
}

/** What a record spent in all, in USD (0 when nothing was priced). */
export function spentOn(record: Spending): number {
  const spend = spendOf(record);
  return (spend.answers ?? 0) + (spend.graders ?? 0);
}
