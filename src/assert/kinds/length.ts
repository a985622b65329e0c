import { z } from 'zod';
import { defineKind, kindSchema } from '../kind.js';

/** How an answer's length is counted. */
type LengthUnit = 'chars' | 'words';

/** Length of the trimmed answer in code points (an emoji is one) or in whitespace-separated words. */
function measure(text: string, unit: LengthUnit): number {
  const trimmed = text.trim();
  if (unit === 'words') return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
  return Array.from(trimmed).length;
}

/** The bound as words: "between 10 and 20 words", "at least 10 chars", "at most 20 words". */
function describeBounds(min: number | undefined, max: number | undefined, unit: LengthUnit): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max} ${unit}`;
  return min !== undefined ? `at least ${min} ${unit}` : `at most ${max} ${unit}`;
}

/** Parses `10..200`, `10..` or `..200` into bounds; anything else is left for validation to reject. */
function parseRange(argument: string): Record<string, unknown> {
  const match = /^\s*(\d*)\s*\.\.\s*(\d*)\s*$/.exec(argument);
  if (!match) return { max: argument };
  const bounds: Record<string, unknown> = {};
  if (match[1] !== '') bounds.min = Number(match[1]);
  if (match[2] !== '') bounds.max = Number(match[2]);
  return bounds;
}

const description = 'the trimmed answer has between min and max characters (code points) or words';

/** `length`: the trimmed answer's length is within `min`..`max` (inclusive), counted in `unit`. */
export const length = defineKind({
  type: 'length',
  description,
  schema: kindSchema('length', description, {
    min: z.int().min(0).optional().describe('smallest allowed length, inclusive'),
    max: z.int().min(0).optional().describe('largest allowed length, inclusive'),
    unit: z.enum(['chars', 'words']).optional().describe('what to count: chars (code points) or words (default chars)'),
  }).superRefine((spec, ctx) => {
    if (spec.min === undefined && spec.max === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'length needs "min", "max" or both' });
    } else if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `expected min <= max, got min ${spec.min} and max ${spec.max}` });
    }
  }),
  score(answer, spec) {
    const unit = spec.unit ?? 'chars';
    const size = measure(answer.output, unit);
    const bounds = describeBounds(spec.min, spec.max, unit);
    return {
      holds: (spec.min === undefined || size >= spec.min) && (spec.max === undefined || size <= spec.max),
      expected: `to have ${bounds}`,
      got: `${size} ${unit}`,
      held: `has ${size} ${unit}, ${bounds}`,
      missed: `has ${size} ${unit}, not ${bounds}`,
    };
  },
  shorthand: parseRange,
});
