/**
 * `--filter` globs over `prompt/case` ids: `*`, `?`, `[abc]`, `{a,b}`.
 *
 * A glob is matched by a small state machine that follows every possible position in the glob at once (each id
 * character advances the whole set), not by a backtracking RegExp: as a RegExp, `{*,*}{*,*}…b` tries
 * exponentially many ways to split an id and froze the process. The cost is at most (id length) × (glob
 * length) steps, whatever the glob, so a user pattern needs no time limit here.
 */
import { optionRef, UsageError } from '../errors.js';

/** Compiles a glob; a glob without "/" matches either the prompt id or the case id. */
export function compileFilter(glob: string): (promptId: string, caseId: string) => boolean {
  if (glob.trim() === '') throw new UsageError(`invalid ${optionRef('filter')}: expected a glob such as "capitals/*" or "*france*", got an empty string`);
  const machine = new GlobMachine(parseGlob(glob));
  if (glob.includes('/')) return (promptId, caseId) => machine.matches(`${promptId}/${caseId}`);
  return (promptId, caseId) => machine.matches(promptId) || machine.matches(caseId);
}

/** A piece of a glob: one character of a set, any run of characters but "/", or one of several alternatives. */
type GlobItem = { kind: 'char'; test: (char: string) => boolean } | { kind: 'star' } | { kind: 'group'; alternatives: GlobItem[][] };

function invalid(glob: string, problem: string): UsageError {
  return new UsageError(`invalid ${optionRef('filter')} "${glob}": ${problem}`);
}

/** Splits a glob into items; positions in messages are 1-based characters. */
function parseGlob(glob: string): GlobItem[] {
  const chars = Array.from(glob);
  const top: GlobItem[] = [];
  let group: GlobItem[][] | null = null;
  const target = (): GlobItem[] => (group ? group[group.length - 1]! : top);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '*') target().push({ kind: 'star' });
    else if (char === '?') target().push({ kind: 'char', test: (c) => c !== '/' });
    else if (char === '[') {
      // The first character after "[" (or "[!") is part of the set even when it is "]", as in shells.
      const end = chars.indexOf(']', i + 2);
      if (end === -1) throw invalid(glob, `unclosed "[" at position ${i + 1}`);
      target().push({ kind: 'char', test: characterSet(glob, chars.slice(i + 1, end)) });
      i = end;
    } else if (char === '{') {
      if (group) throw invalid(glob, `nested "{" at position ${i + 1}`);
      group = [[]];
    } else if (char === '}' && group) {
      top.push({ kind: 'group', alternatives: group });
      group = null;
    } else if (char === ',' && group) group.push([]);
    else target().push({ kind: 'char', test: (c) => c === char });
  }
  if (group) throw invalid(glob, 'unclosed "{"');
  return top;
}

/** The test of a `[...]` body: characters and `a-z` ranges, negated by a leading "!" (or "^"). */
function characterSet(glob: string, body: string[]): (char: string) => boolean {
  const isNegated = body[0] === '!' || body[0] === '^';
  const items = isNegated ? body.slice(1) : body;
  const ranges: [number, number][] = [];
  for (let i = 0; i < items.length; i++) {
    const low = items[i]!.codePointAt(0)!;
    if (items[i + 1] === '-' && i + 2 < items.length) {
      const high = items[i + 2]!.codePointAt(0)!;
      if (high < low) throw invalid(glob, `range "${items[i]}-${items[i + 2]}" is out of order`);
      ranges.push([low, high]);
      i += 2;
    } else ranges.push([low, low]);
  }
  return (char) => {
    const code = char.codePointAt(0)!;
    return ranges.some(([low, high]) => code >= low && code <= high) !== isNegated;
  };
}

/** A state: reading a character that passes `test` leads to `next`; `forks` are reached without reading. */
interface GlobState {
  test: ((char: string) => boolean) | null;
  next: number;
  forks: number[];
}

/** The state that accepts: the whole glob was matched. */
const ACCEPT = 0;

/** The glob as states; `matches` runs all of them in step (Thompson's construction). */
class GlobMachine {
  private readonly states: GlobState[] = [{ test: null, next: ACCEPT, forks: [] }];
  private readonly start: number;

  constructor(items: GlobItem[]) {
    this.start = this.build(items, ACCEPT);
  }

  /** True when the whole of `text` matches. */
  matches(text: string): boolean {
    let current = this.closure([this.start]);
    for (const char of text) {
      const reached: number[] = [];
      for (const index of current) {
        const state = this.states[index]!;
        if (state.test?.(char)) reached.push(state.next);
      }
      if (reached.length === 0) return false;
      current = this.closure(reached);
    }
    return current.has(ACCEPT);
  }

  /** The states reachable from `seeds` without reading a character. */
  private closure(seeds: number[]): Set<number> {
    const found = new Set<number>();
    const pending = [...seeds];
    while (pending.length > 0) {
      const index = pending.pop()!;
      if (found.has(index)) continue;
      found.add(index);
      pending.push(...this.states[index]!.forks);
    }
    return found;
  }

  /** Adds the states of `items` in front of state `next`; returns the first. */
  private build(items: GlobItem[], next: number): number {
    let first = next;
    for (let i = items.length - 1; i >= 0; i--) first = this.buildItem(items[i]!, first);
    return first;
  }

  private buildItem(item: GlobItem, next: number): number {
    if (item.kind === 'char') return this.add({ test: item.test, next, forks: [] });
    if (item.kind === 'group') return this.add({ test: null, next, forks: item.alternatives.map((alternative) => this.build(alternative, next)) });
    // "*": loops on any character but "/", or moves on without reading.
    const index = this.add({ test: (c) => c !== '/', next: -1, forks: [next] });
    this.states[index]!.next = index;
    return index;
  }

  private add(state: GlobState): number {
    this.states.push(state);
    return this.states.length - 1;
  }
}
