/** The pairwise part of a run's reports: the plan's judging set-up with the judgments journaled in the run directory. */
import type { Plan } from '../plan/index.js';
import type { PairwiseInput } from '../report/index.js';
import { journalJudgments, type JudgmentRecord } from '../run/index.js';

/** Reads the run directory's judgments for the reports; null when the plan judges no pairs. */
export async function readPairwiseInput(plan: Plan, runDir: string): Promise<PairwiseInput | null> {
  const pairwise = plan.pairwise;
  if (!pairwise) return null;
  const judgments: JudgmentRecord[] = [];
  for await (const judgment of journalJudgments(runDir)) judgments.push(judgment);
  return { rubric: pairwise.rubric, grader: pairwise.grader, models: pairwise.models, reference: pairwise.reference, pairs: pairwise.pairs, judgments };
}
