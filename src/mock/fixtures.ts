/**
 * Fixture matching: the first fixture whose regex finds the last user message answers it. The patterns come from
 * the user's fixture file, so they run in a `PatternMatcher` (a worker with a time limit): a backtracking one
 * fails that request instead of freezing the server, whose Ctrl-C and SIGTERM keep working.
 */

import type { PatternMatcher } from '../pattern/index.js';
import type { MockFixture } from './types.js';

/** A fixture with its regex compiled once at server start. */
export interface CompiledFixture {
  fixture: MockFixture;
  pattern: RegExp;
}

/** What a matching fixture answers. */
export interface FixtureAnswer {
  /** The text answer; null when the fixture only calls tools. */
  answer: string | null;
  /** Calls with their arguments filled in; empty when the fixture answers with text. */
  toolCalls: { name: string; arguments: Record<string, unknown> }[];
  citations: { url: string; title: string }[] | null;
  finishReason: string;
}

/**
 * Compiles a regex of a fixture. `g` and `y` are dropped because they make `exec` stateful (`lastIndex`), which
 * would make the same question match on one request and miss on the next.
 */
export function compileFixturePattern(match: string, flags = ''): RegExp {
  return new RegExp(match, flags.replace(/[gy]/g, ''));
}

/**
 * Compiles fixtures, model-specific ones first (each group keeps its given order), so a fixture for
 * `gpt-4o-mini` overrides a model-less fixture for the same question. Throws a TypeError naming the bad one.
 */
export function compileFixtures(fixtures: readonly MockFixture[]): CompiledFixture[] {
  const compiled = fixtures.map((fixture, index) => {
    try {
      return { fixture, pattern: compileFixturePattern(fixture.match, fixture.flags) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`fixtures[${index}].match: expected a valid regular expression, got ${reason}`);
    }
  });
  return [
    ...compiled.filter((item) => item.fixture.model !== undefined),
    ...compiled.filter((item) => item.fixture.model === undefined),
  ];
}

/** Replaces `${name}` with the named group `name`; unknown names stay as written, unmatched groups become ''. */
export function fillTemplate(template: string, groups: Record<string, string | undefined> | undefined): string {
  if (groups === undefined) return template;
  return template.replace(/\$\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(groups, name) ? (groups[name] ?? '') : whole,
  );
}

/** `fillTemplate` applied to every string inside a JSON value. */
function fillDeep(value: unknown, groups: Record<string, string | undefined> | undefined): unknown {
  if (typeof value === 'string') return fillTemplate(value, groups);
  if (Array.isArray(value)) return value.map((item) => fillDeep(item, groups));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillDeep(item, groups)]));
  return value;
}

/**
 * The answer of the first fixture for `model` whose regex finds `userText`, or null. Rejects when the patterns
 * overran the matcher's time limit, saying so.
 */
export async function findFixtureAnswer(
  fixtures: readonly CompiledFixture[],
  model: string,
  userText: string,
  matcher: PatternMatcher,
): Promise<FixtureAnswer | null> {
  const candidates = fixtures.filter(({ fixture }) => fixture.model === undefined || fixture.model === model);
  if (candidates.length === 0) return null;
  let found;
  try {
    found = await matcher.findFirst(candidates.map(({ pattern }) => ({ source: pattern.source, flags: pattern.flags })), userText);
  } catch (error) {
    throw new Error(`fixture patterns on the last user message: ${(error as Error).message}`, { cause: error });
  }
  if (found === null) return null;
  const { fixture } = candidates[found.index]!;
  return {
    answer: fixture.answer === undefined ? null : fillTemplate(fixture.answer, found.groups),
    toolCalls: (fixture.toolCalls ?? []).map((call) => ({ name: call.name, arguments: fillDeep(call.arguments, found.groups) as Record<string, unknown> })),
    citations: fixture.citations ?? null,
    finishReason: fixture.finishReason ?? 'stop',
  };
}
