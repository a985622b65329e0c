import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';
import { quote } from '../reason-text.js';

const description = 'the model stopped for reason value (stop, length, content_filter, tool_calls)';

/** `finish-reason`: the answer's `finish_reason` equals `value` ("stop" means it was not cut off). */
export const finishReason = defineKind({
  type: 'finish-reason',
  description,
  schema: kindSchema('finish-reason', description, {
    value: z.string().min(1).describe('the expected finish_reason, such as "stop"'),
  }),
  score(answer, spec) {
    const got = answer.finishReason === null ? 'no finish reason' : quote(answer.finishReason);
    return {
      holds: answer.finishReason === spec.value,
      expected: `to finish with ${quote(spec.value)}`,
      got,
      held: `finished with ${quote(spec.value)}`,
      missed: `finished with ${got}, not ${quote(spec.value)}`,
    };
  },
});
