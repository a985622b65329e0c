/**
 * A small path language for picking a value out of JSON: `$.contact.email`, `contact.email`, `items[0].name`,
 * `items[-1]` (last item), `["odd key"].x`. A deliberate subset of JSONPath: one value, no wildcards or
 * filters, so an assertion compares exactly one thing.
 */
import { truncate } from './reason-text.js';

/** One step of a path: an object key or an array index (negative counts from the end). */
export type PathStep = string | number;

/** The text of a double-quoted key, with JSON escapes undone; undefined when an escape is invalid. */
function unescapeJsonString(body: string): string | undefined {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return undefined;
  }
}

/** Parses a path into steps, or returns the problem as a lower-case phrase. */
export function parseJsonPath(path: string): { ok: true; steps: PathStep[] } | { ok: false; problem: string } {
  const steps: PathStep[] = [];
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest !== '' && !rest.startsWith('[')) rest = `.${rest}`;
  while (rest !== '') {
    const key = /^\.([^.[\]\s]+)/.exec(rest);
    const index = /^\[\s*(-?\d+)\s*\]/.exec(rest);
    const quoted = /^\[\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*\]/.exec(rest);
    const matched = key ?? index ?? quoted;
    if (!matched) return { ok: false, problem: `unexpected ${JSON.stringify(truncate(rest, 12))}` };
    if (key) steps.push(key[1]);
    else if (index) steps.push(Number(index[1]));
    else if (quoted?.[2] !== undefined) steps.push(quoted[2]);
    else {
      const unescaped = unescapeJsonString(quoted?.[1] ?? '');
      if (unescaped === undefined) return { ok: false, problem: `bad escape in ${JSON.stringify(matched[0])}` };
      steps.push(unescaped);
    }
    rest = rest.slice(matched[0].length);
  }
  return { ok: true, steps };
}

/** Follows `steps` into `value`: found with the value, or not found with the path prefix that failed. */
export function resolveJsonPath(value: unknown, steps: readonly PathStep[]): { found: true; value: unknown } | { found: false; at: string } {
  let current = value;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (typeof step === 'number' && Array.isArray(current)) {
      const position = step < 0 ? current.length + step : step;
      if (position < 0 || position >= current.length) return { found: false, at: formatJsonPath(steps.slice(0, index + 1)) };
      current = current[position];
    } else if (typeof step === 'string' && typeof current === 'object' && current !== null && !Array.isArray(current) && Object.hasOwn(current, step)) {
      current = (current as Record<string, unknown>)[step];
    } else {
      return { found: false, at: formatJsonPath(steps.slice(0, index + 1)) };
    }
  }
  return { found: true, value: current };
}

/** Writes steps back as a path: `$.items[0].name`, with bracket quotes for keys that are not plain names. */
export function formatJsonPath(steps: readonly PathStep[]): string {
  return `$${steps
    .map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_$][\w$-]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`))
    .join('')}`;
}
