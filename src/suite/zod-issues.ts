/**
 * Turns zod issues into our one-line `SourceIssue`s: plain wording ("expected string, got number"), a close-match
 * suggestion for unknown keys, and, for unions, the issues of the branch the user most likely meant rather than
 * zod's "invalid input".
 */
import type { z } from 'zod';
import { didYouMean } from '../suggest.js';
import type { SourceIssue } from '../errors.js';
import type { PositionFinder } from './positions.js';

type ZodIssue = z.core.$ZodIssue;

/** `cases[3].vars.city` from `['cases', 3, 'vars', 'city']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** A short name for the type of a YAML value. */
export function describeType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? `number ${value}` : `number ${value}`;
  if (typeof value === 'string') return `string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value;
}

/**
 * Picks the union branch the user most likely meant: not a type mismatch at the union itself, then the fewest
 * shape misses (unknown keys, missing required keys), then the fewest issues. Branch issue paths are relative to
 * the union (zod 4), so "at the union itself" is an empty path.
 */
function pickUnionBranch(issue: ZodIssue & { code: 'invalid_union' }, value: unknown): ZodIssue[] | null {
  const candidates = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (candidates.length === 0) return null;
  const shapeMisses = (branch: ZodIssue[]) =>
    branch.reduce((count, inner) => {
      if (inner.code === 'unrecognized_keys' && inner.path.length === 0) return count + inner.keys.length;
      if (inner.code === 'invalid_type' && inner.path.length === 1 && valueAt(value, inner.path) === undefined) return count + 1;
      return count;
    }, 0);
  const rank = (branch: ZodIssue[]) => shapeMisses(branch) * 1000 + branch.length;
  return candidates.reduce((best, branch) => (rank(branch) < rank(best) ? branch : best));
}

/** One message for a leaf issue. */
function messageOf(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `required ${issue.expected} is missing` : `expected ${issue.expected}, got ${describeType(value)}`;
    case 'too_small':
      if (issue.message.startsWith('expected')) return issue.message;
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}, got ${(value as unknown[])?.length ?? 0}`;
      if (issue.origin === 'string') return `expected at least ${issue.minimum} character${Number(issue.minimum) === 1 ? '' : 's'}`;
      return `expected ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, got ${describeType(value)}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items`;
      return `expected ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, got ${describeType(value)}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : '';
      return `expected one of ${allowed.join(', ')}, got ${describeType(value)}${hint}`;
    }
    case 'invalid_format':
      return issue.message.startsWith('expected') ? issue.message : `expected ${issue.format}, got ${describeType(value)}`;
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1).replace(/\.$/, '');
  }
}

/** Reads the value at a path of the raw input. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Converts zod issues (paths relative to `basePath` inside `root`) into source issues. */
export function toSourceIssues(
  issues: readonly ZodIssue[],
  root: unknown,
  positions: PositionFinder,
  basePath: readonly PropertyKey[] = [],
): SourceIssue[] {
  const out: SourceIssue[] = [];
  const visit = (issue: ZodIssue, prefix: readonly PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const value = valueAt(root, path.slice(basePath.length));
      const branch = pickUnionBranch(issue, value);
      if (branch) {
        for (const inner of branch) visit(inner, path);
        return;
      }
      // zod's own "Invalid input" says nothing; a message a schema wrote (unknown assertion type) says more.
      const message = issue.message === 'Invalid input' ? `got ${describeType(value)}, which fits none of the accepted forms; see the suite format in README` : issue.message;
      out.push({ ...positions.at(path), path: formatPath(path), message });
      return;
    }
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys((valueAt(root, path.slice(basePath.length)) as object) ?? {});
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        out.push({
          ...positions.keyAt(keyPath),
          path: formatPath(keyPath),
          message: `unknown key "${key}"${didYouMean(key, candidateKeys(issue, known))}`,
        });
      }
      return;
    }
    const value = valueAt(root, path.slice(basePath.length));
    const position = value === undefined ? positions.at(path.slice(0, -1)) : positions.at(path);
    out.push({ ...position, path: formatPath(path), message: messageOf(issue, value) });
  };
  for (const issue of issues) visit(issue, basePath);
  return out;
}

/** Keys a strict object knows; zod does not list them, so the schema registers them (see `knownKeys`). */
function candidateKeys(issue: ZodIssue & { code: 'unrecognized_keys' }, present: string[]): string[] {
  const known = (issue as { knownKeys?: string[] }).knownKeys;
  return known ?? KNOWN_KEYS.filter((key) => !present.includes(key));
}

/** Every key the suite format knows, for "did you mean" hints on unknown keys. */
const KNOWN_KEYS = [
  'name', 'description', 'models', 'defaults', 'prompts', 'cases', 'assert', 'threshold', 'repeat', 'seed',
  'pricing', 'grader', 'id', 'label', 'params', 'omit', 'concurrency', 'rpm', 'tpm', 'messages', 'template',
  'role', 'content', 'vars', 'file', 'input', 'output', 'model', 'temperature', 'top_p', 'max_tokens',
  'frequency_penalty', 'presence_penalty', 'stop', 'response_format', 'web_search_options', 'stream', 'type',
  'value', 'not', 'weight', 'metric', 'flags', 'min', 'max', 'unit', 'path', 'tools', 'tool_results',
  'max_tool_rounds', 'turns', 'turn', 'function', 'name', 'parameters', 'strict', 'json_schema', 'schema',
  'arguments', 'result', 'tool_choice', 'parallel_tool_calls', 'count', 'order',
];
