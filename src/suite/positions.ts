/** Maps a field path inside a parsed YAML document to its line and column. */
import { isCollection, isNode, LineCounter, type Document, type YAMLError } from 'yaml';
import type { SourceIssue } from '../errors.js';
import type { SourcePosition } from './types.js';

/** Resolves paths of one YAML document to positions. */
export interface PositionFinder {
  /** Position of the deepest existing node on `path` (falls back to the document start). */
  at(path: readonly PropertyKey[]): SourcePosition;
  /** Position of the key of `path` (for unknown keys), or of the node when there is no key. */
  keyAt(path: readonly PropertyKey[]): SourcePosition;
}

/** Builds a finder over a document parsed with `lineCounter`. */
export function createPositionFinder(file: string, document: Document, lineCounter: LineCounter): PositionFinder {
  const toPosition = (offset: number | undefined): SourcePosition => {
    if (offset === undefined) return { file, line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };

  /** Walks the path as far as it exists; returns the node and, for maps, the pair's key node. */
  const walk = (path: readonly PropertyKey[]) => {
    let node: unknown = document.contents;
    let key: unknown = null;
    for (const part of path) {
      if (!isCollection(node)) break;
      const items = (node as { items: unknown[] }).items;
      if (typeof part === 'number') {
        const next = items[part];
        if (next === undefined) break;
        node = next;
        key = null;
      } else {
        const pair = items.find((item) => {
          const k = (item as { key?: unknown }).key;
          return isNode(k) && String((k as { value?: unknown }).value) === String(part);
        }) as { key: unknown; value: unknown } | undefined;
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? pair.key;
      }
    }
    return { node, key };
  };

  const offsetOf = (node: unknown): number | undefined =>
    isNode(node) && node.range ? node.range[0] : undefined;

  return {
    at: (path) => toPosition(offsetOf(walk(path).node)),
    keyAt: (path) => {
      const { node, key } = walk(path);
      return toPosition(offsetOf(key) ?? offsetOf(node));
    },
  };
}

/** YAML syntax errors as issues: one line each, at the parser's position, without the parser's own "at line" suffix. */
export function yamlSyntaxIssues(file: string, errors: readonly YAMLError[], lineCounter: LineCounter): SourceIssue[] {
  return errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    return { file, line, column: col, path: '', message: `yaml syntax: ${message}` };
  });
}
