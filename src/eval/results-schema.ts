/**
 * The JSON Schema of results.json, composed from the schemas of its owners: the run's records (run.json and the
 * cells) and the report's summary and repeat groups. Printed by `onetoken-eval schema results`.
 */
import { z } from 'zod';
import { repeatGroupSchema, RESULTS_VERSION, runSummarySchema } from '../report/index.js';
import { cellRecordSchema, judgmentRecordSchema, runMetaSchema } from '../run/index.js';

/** The whole results.json file. */
export const resultsFileSchema = z
  .object({
    version: z.literal(RESULTS_VERSION),
    run: runMetaSchema,
    cells: z.array(cellRecordSchema).meta({ description: 'one cell per line, in plan order' }),
    summary: runSummarySchema,
    repeatGroups: z
      .array(repeatGroupSchema)
      .optional()
      .meta({ description: 'present when any cell has repeat > 0; one group per line' }),
    judgments: z
      .array(judgmentRecordSchema)
      .optional()
      .meta({ description: 'present when the run judged pairs; one judgment per line, in plan order' }),
  })
  .meta({ title: 'onetoken-eval results.json', description: `results of one run, version ${RESULTS_VERSION}` });

/** JSON Schema (draft-07) of results.json. */
export function resultsJsonSchema(): object {
  return z.toJSONSchema(resultsFileSchema, { target: 'draft-7' });
}
