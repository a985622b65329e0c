/**
 * Pairwise judging, after the answers: for each judgment of the plan whose two answers are recorded, the judge
 * is asked twice with the answers swapped (through the grader path: cache, limits, cost), and the judgment is
 * appended to `judgments.jsonl` the moment it finishes, so a killed run resumes with only the missing ones.
 * A judgment whose answers are missing or errored is left for a resume (`--retry-errors` reruns the answers).
 */
import pLimit from 'p-limit';
import { buildJudgeMessages, combineVerdicts, describeQuestion, parseJudgeVerdict } from '../assert/index.js';
import type { JudgmentCell, PairwisePlan } from '../plan/index.js';
import { graderFor } from './grader-call.js';
import type { CellJournal } from './journal.js';
import type { JudgmentRecord } from './judgment-record.js';
import type { CellRecord, GraderCall } from './record.js';
import type { ScoreContext } from './score-cell.js';

/** Judgments in flight at most when the caller does not say. */
export const DEFAULT_JUDGE_CONCURRENCY = 4;

/** Judges one pair of recorded answers: both orders, combined; never throws for grader failures. */
export async function judgePair(judgment: JudgmentCell, a: CellRecord, b: CellRecord, pairwise: Pick<PairwisePlan, 'rubric' | 'grader'>, context: ScoreContext): Promise<JudgmentRecord> {
  const graderCalls: GraderCall[] = [];
  const grade = graderFor(context, `${judgment.id} (judge)`, graderCalls);
  const question = describeQuestion(a.messages);
  const ask = async (order: 'ab' | 'ba', first: string, second: string) => {
    try {
      const parsed = parseJudgeVerdict(await grade(buildJudgeMessages(pairwise.rubric, question, first, second), { model: pairwise.grader ?? undefined }));
      return parsed.ok ? { order, better: parsed.better, reason: parsed.reason, error: null } : { order, better: null, reason: null, error: parsed.error };
    } catch (error) {
      return { order, better: null, reason: null, error: `judge request failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  const [ab, ba] = await Promise.all([ask('ab', a.output ?? '', b.output ?? ''), ask('ba', b.output ?? '', a.output ?? '')]);
  const error = ab.error ?? ba.error;
  return {
    id: judgment.id,
    index: judgment.index,
    prompt: judgment.prompt,
    case: judgment.case,
    repeat: judgment.repeat,
    modelA: judgment.modelA,
    modelB: judgment.modelB,
    cellA: a.id,
    cellB: b.id,
    winner: ab.better !== null && ba.better !== null ? combineVerdicts(ab.better, ba.better) : null,
    verdicts: [ab, ba].map(({ order, better, reason }) => ({ order, better, reason })),
    graderCalls,
    error,
  };
}

/** True when a recorded answer can be judged. */
export function isJudgeable(record: CellRecord | null): record is CellRecord {
  return record !== null && record.error === null && record.output !== null;
}

/** Options of `runJudgments`. */
export interface RunJudgmentsOptions {
  /** Reads recorded answers by plan index. */
  answers: Pick<CellJournal, 'read'>;
  journal: CellJournal<JudgmentRecord>;
  context: ScoreContext;
  /** Also judge again the judgments that ended in errors. @default false */
  retryErrors?: boolean;
  /** Judgments in flight at most. @default 4 */
  concurrency?: number;
  /** Aborted: start no more judgments. */
  stop?: AbortSignal;
  /** Stop starting judgments once this returns true (the budget). */
  shouldStop?: () => boolean;
  /** Hears every recorded judgment. */
  onJudgment?: (record: JudgmentRecord) => void;
}

/** Makes the plan's missing judgments; returns how many were recorded, left for later, and their spend in USD. */
export async function runJudgments(pairwise: PairwisePlan, options: RunJudgmentsOptions): Promise<{ judged: number; pending: number; spentUsd: number }> {
  const limit = pLimit(options.concurrency ?? DEFAULT_JUDGE_CONCURRENCY);
  const outcome = { judged: 0, pending: 0, spentUsd: 0 };
  const tasks: Promise<void>[] = [];
  for (const judgment of pairwise.judgments()) {
    if (options.journal.has(judgment.index) && !(options.retryErrors && options.journal.read(judgment.index)?.error)) continue;
    tasks.push(
      limit(async () => {
        // Answers are read when the judgment starts, so only the judgments in flight hold theirs in memory.
        const a = options.answers.read(judgment.cellA);
        const b = options.answers.read(judgment.cellB);
        if (!isJudgeable(a) || !isJudgeable(b) || options.stop?.aborted || options.shouldStop?.()) {
          outcome.pending++;
          return;
        }
        const record = await judgePair(judgment, a, b, pairwise, options.context);
        // Aborted mid-judgment (Ctrl-C twice): not journaled as errored, so a resume makes it in full.
        if (options.context.signal?.aborted) {
          outcome.pending++;
          return;
        }
        options.journal.append(record);
        outcome.judged++;
        outcome.spentUsd += record.graderCalls.reduce((sum, call) => sum + (call.cached ? 0 : (call.cost ?? 0)), 0);
        options.onJudgment?.(record);
      }),
    );
  }
  await Promise.all(tasks);
  return outcome;
}
