/**
 * The on-disk response cache. Keyed by sha256 of the canonical request (sorted-key JSON of model, messages and
 * parameters — seeds included, so repeats never collide) plus the endpoint; never the key. One file per entry,
 * written to a temporary file and renamed, so several runs can share the directory without torn entries.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Completion } from '../client/index.js';
import { canonicalJson, sha256Hex } from '../plan/index.js';

/** Version of cache entries; a bump makes old entries misses. */
const CACHE_VERSION = 1;

/** The default cache directory, relative to the working directory (git-ignored). */
export const DEFAULT_CACHE_DIR = '.onetoken-eval-cache';

/** The cache key of a request sent to an endpoint. */
export function requestHash(endpoint: string, requestKey: string): string {
  return sha256Hex(`${endpoint}\n${requestKey}`);
}

/** The cache key of a request object. */
export function hashRequest(endpoint: string, request: unknown): string {
  return requestHash(endpoint, canonicalJson(request));
}

/** A response cache in one directory. */
export class ResponseCache {
  constructor(readonly directory: string) {}

  private pathOf(hash: string): string {
    return join(this.directory, hash.slice(0, 2), `${hash}.json`);
  }

  /** The cached completion, or null (a missing, unreadable or other-version entry is a miss). */
  get(hash: string): Completion | null {
    try {
      const entry = JSON.parse(readFileSync(this.pathOf(hash), 'utf8')) as { version: number; completion: Completion };
      return entry.version === CACHE_VERSION ? entry.completion : null;
    } catch {
      return null;
    }
  }

  /** Stores a completion atomically (temporary file + rename). */
  set(hash: string, completion: Completion): void {
    const path = this.pathOf(hash);
    mkdirSync(join(this.directory, hash.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, completion }));
    renameSync(temporary, path);
  }
}

/** Entries and bytes in a cache directory. */
export function cacheInfo(directory: string): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = 0;
  let shards: string[] = [];
  try {
    shards = readdirSync(directory);
  } catch {
    return { entries, bytes };
  }
  for (const shard of shards) {
    let names: string[] = [];
    try {
      names = readdirSync(join(directory, shard));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      entries++;
      bytes += statSync(join(directory, shard, name)).size;
    }
  }
  return { entries, bytes };
}

/** Removes every entry; returns how many there were. */
export function clearCache(directory: string): number {
  const { entries } = cacheInfo(directory);
  rmSync(directory, { recursive: true, force: true });
  return entries;
}
