/** Canonical JSON and hashing: the same data always gives the same text and hash, whatever its key order. */
import { hash } from 'node:crypto';

/** JSON with object keys sorted at every level; `undefined` members are dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Plain loops rather than map/filter/join: this runs once or twice per plan cell, 100,000s of times.
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      out += `${index > 0 ? ',' : ''}${item === undefined ? 'null' : canonicalJson(item)}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/** sha256 of a string, hex. One-shot `crypto.hash` is several times faster than `createHash` for short input. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
