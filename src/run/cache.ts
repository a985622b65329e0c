/**
 * The on-disk response cache. Keyed by sha256 of the canonical request (sorted-key JSON of model, messages and
 * parameters — seeds included, so repeats never collide) plus the endpoint; never the key. One file per entry,
 * written to a temporary file and renamed, so several runs can share the directory without torn entries.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { optionRef, UsageError } from '../errors.js';
import { join } from 'node:path';
import type { Completion } from '../wire/index.js';
import { canonicalJson, sha256Hex } from '../plan/index.js';
import { prepareDirectory } from './writable-path.js';

/** Version of cache entries; a bump makes old entries misses. */
const CACHE_VERSION = 1;

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

  /**
   * The cached completion, or null (a missing, unreadable or other-version entry is a miss). An entry that parses
   * but has the wrong shape (hand-edited, another tool's, cut by a full disk) is a miss too, and `onInvalidEntry`
   * hears its path: trusting it crashed every run until the cache was cleared.
   */
  get(hash: string): Completion | null {
    const path = this.pathOf(hash);
    let entry: { version?: unknown; completion?: unknown };
    try {
      entry = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; completion?: unknown };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === undefined) this.onInvalidEntry?.(path);
      return null;
    }
    if (entry === null || typeof entry !== 'object' || entry.version !== CACHE_VERSION) return null;
    if (!isCompletion(entry.completion)) {
      this.onInvalidEntry?.(path);
      return null;
    }
    return entry.completion;
  }

  /** Hears the path of each cache entry that was ignored because it is malformed. */
  onInvalidEntry: ((path: string) => void) | null = null;

  /**
   * Stores a completion atomically (temporary file + rename). A failed write (disk full, permissions) is
   * reported once through `onWriteError` and otherwise ignored: the answer is already paid for and recorded.
   */
  set(hash: string, completion: Completion): void {
    const path = this.pathOf(hash);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(join(this.directory, hash.slice(0, 2)), { recursive: true });
      writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, completion }));
      renameSync(temporary, path);
    } catch (error) {
      if (!this.hasWarned) this.onWriteError?.(error as Error);
      this.hasWarned = true;
    }
  }

  /** Hears the first failed cache write. */
  onWriteError: ((error: Error) => void) | null = null;
  private hasWarned = false;

  /** Checks up front that the directory can be created and written, so a typo fails before any request. */
  assertWritable(): void {
    try {
      prepareDirectory(this.directory, 'cacheDir');
    } catch (error) {
      throw new UsageError(`${(error as UsageError).template}; fix the path or pass ${optionRef('noCache')}`, { cause: error });
    }
  }
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isNullableString = (value: unknown) => value === null || typeof value === 'string';

/** True when `value` has the shape of a cached `Completion` (the fields records and assertions read). */
function isCompletion(value: unknown): value is Completion {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  const usage = c.usage as Record<string, unknown> | null;
  const isUsage = usage === null || (typeof usage === 'object' && isCount(usage.promptTokens) && isCount(usage.completionTokens) && isCount(usage.totalTokens));
  const isCitations = Array.isArray(c.citations) && c.citations.every((citation) => citation !== null && typeof citation === 'object' && typeof (citation as { url?: unknown }).url === 'string');
  return typeof c.content === 'string' && isNullableString(c.finishReason) && isUsage && isNullableString(c.model) && isNullableString(c.systemFingerprint)
    && isNullableString(c.responseId) && isNullableString(c.requestId) && isCitations && typeof c.latencyMs === 'number' && c.latencyMs >= 0
    && (c.ttftMs === null || (typeof c.ttftMs === 'number' && c.ttftMs >= 0)) && isCount(c.attempts);
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

/** Cache shard folders: two hex digits, as `pathOf` makes them. */
const SHARD_NAME = /^[0-9a-f]{2}$/;
/** Cache entries and the temporary files of interrupted writes. */
const ENTRY_NAME = /^[0-9a-f]{64}\.json(\.[\w.]+\.tmp)?$/;

/**
 * Removes every cache entry; returns how many there were. Only files that look like entries are removed, and
 * folders only once empty: a mistyped --cache-dir must never delete anything else.
 */
export function clearCache(directory: string): number {
  let removed = 0;
  let shards: string[] = [];
  try {
    shards = readdirSync(directory).filter((name) => SHARD_NAME.test(name));
  } catch {
    return 0;
  }
  for (const shard of shards) {
    const folder = join(directory, shard);
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!ENTRY_NAME.test(name)) continue;
      rmSync(join(folder, name), { force: true });
      if (name.endsWith('.json')) removed++;
    }
    removeIfEmpty(folder);
  }
  removeIfEmpty(directory);
  return removed;
}

function removeIfEmpty(folder: string): void {
  try {
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  } catch {
    // Not empty or already gone: leave it.
  }
}
