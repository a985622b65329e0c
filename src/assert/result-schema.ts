/** The outcome of one assertion as recorded in every cell: the zod schema is the single source of its type. */
import { z } from 'zod';

/** One assertion's outcome; key order is the order on disk. */
export const assertionResultSchema = z.object({
  type: z.string(),
  pass: z.boolean(),
  score: z.number().min(0).max(1),
  reason: z.string().meta({ description: 'a short sentence such as "expected to contain \'Paris\', got \'Lyon\'"' }),
  weight: z.number(),
  metric: z.string().nullable(),
  error: z.string().nullable().meta({ description: 'set when the assertion itself could not be evaluated' }),
});

/** The outcome of one assertion. */
export type AssertionResult = z.infer<typeof assertionResultSchema>;
