/**
 * House-style messages for zod's built-in issues ("expected string, got number"), used when validating
 * assertions on their own. Messages written by the schemas themselves (unknown type or option, bad regex)
 * take precedence over these.
 */
import type { z } from 'zod';
import { describeType, quote } from './reason-text.js';

/** zod's type names as users read them. */
const TYPE_NAMES: Record<string, string> = { int: 'integer', record: 'object', array: 'array' };

/** The value found, for "got …": the type name, or the number itself when a number was out of range. */
function got(input: unknown): string {
  return typeof input === 'number' && Number.isFinite(input) ? String(input) : describeType(input);
}

/** A house-style message for one zod issue, or undefined to keep zod's own. */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      // A fractional number where an integer was expected is clearer shown as the number itself.
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${issue.expected === 'int' ? got(issue.input) : describeType(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${quote(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'expected a non-empty string';
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, got ${got(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') return `expected at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}`;
      return `expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, got ${got(issue.input)}`;
    case 'invalid_union':
      return `got ${describeType(issue.input)}, which fits none of the accepted forms`;
    default:
      return undefined;
  }
}

/** A zod path as users write it in YAML: `value[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((step, index) => (typeof step === 'number' ? `[${step}]` : `${index === 0 ? '' : '.'}${String(step)}`))
    .join('');
}
