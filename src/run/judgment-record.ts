/**
 * A pairwise judgment as journaled in `judgments.jsonl` and listed in results.json: which of two answers of the
 * same row the judge preferred, asked twice with the answers swapped. Key order here is the order on disk.
 */
import { z } from 'zod';
import { graderCallSchema } from './record.js';

const preference = z.enum(['first', 'second', 'tie']);

/** One judge reply: with `a` shown first (`ab`) or `b` shown first (`ba`). */
export const judgeVerdictSchema = z.object({
  order: z.enum(['ab', 'ba']),
  better: preference.nullable().meta({ description: 'the position the judge preferred; null when the reply could not be read' }),
  reason: z.string().nullable(),
});

/** One judgment: the combined outcome from `modelA`'s side, the two verdicts and the grader calls they cost. */
export const judgmentRecordSchema = z.object({
  id: z.string().meta({ description: 'stable id: prompt/case/modelA~modelB#repeat, each part escaped' }),
  index: z.number().int().nonnegative().meta({ description: 'position among the plan\'s judgments' }),
  prompt: z.string(),
  case: z.string(),
  repeat: z.number().int().nonnegative(),
  modelA: z.string(),
  modelB: z.string(),
  cellA: z.string().meta({ description: 'id of modelA\'s answer cell' }),
  cellB: z.string().meta({ description: 'id of modelB\'s answer cell' }),
  winner: z.enum(['a', 'b', 'tie']).nullable().meta({ description: 'agreeing verdicts win, disagreeing ones tie; null when errored' }),
  verdicts: z.array(judgeVerdictSchema),
  graderCalls: z.array(graderCallSchema),
  error: z.string().nullable(),
});

/** One pairwise judgment. */
export type JudgmentRecord = z.infer<typeof judgmentRecordSchema>;

const JUDGMENT_KEYS = Object.keys(judgmentRecordSchema.shape) as (keyof JudgmentRecord)[];

/** A copy of the judgment with its keys in file order. */
export function orderJudgment(record: JudgmentRecord): JudgmentRecord {
  const ordered: Record<string, unknown> = {};
  for (const key of JUDGMENT_KEYS) ordered[key] = record[key];
  return ordered as JudgmentRecord;
}
