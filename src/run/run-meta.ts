/**
 * `run.json`, read and written here only: written atomically (temp file + rename) before any request, validated
 * by `runMetaSchema` when read. Version-1 files (plan options in an untyped `args` bag) are read and upgraded.
 */
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError, optionRef } from '../errors.js';
import { RUN_META_VERSION, runMetaSchema, type RunMeta } from './record.js';

/** File name of the run metadata inside a run directory. */
export const RUN_META_FILE = 'run.json';

/** Writes run.json atomically, creating the directory. */
export function writeRunMeta(runDir: string, meta: RunMeta): void {
  mkdirSync(runDir, { recursive: true });
  const path = join(runDir, RUN_META_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Reads and validates the run.json of a run directory; a missing or foreign file is a `CheckpointError`. */
export function readRunMetaFile(runDir: string): RunMeta {
  const path = join(runDir, RUN_META_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CheckpointError(`${runDir} is not a run directory: no ${RUN_META_FILE}`, { cause: error });
    throw new CheckpointError(`${path}: cannot read run.json (${code ?? (error as Error).message}); expected a run directory`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointError(`${path}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseRunMeta(value, path);
}

/**
 * Reads run.json of a directory to resume. A directory killed before run.json was written holds nothing to
 * resume: that is said as such, rather than "not a run directory".
 */
export function readRunMetaForResume(runDir: string): RunMeta {
  if (existsSync(runDir) && !existsSync(join(runDir, RUN_META_FILE))) {
    throw new CheckpointError(`${runDir} has no ${RUN_META_FILE}: its run was stopped before it started, so there is nothing to resume; start afresh without ${optionRef('resume')}`);
  }
  return readRunMetaFile(runDir);
}

/**
 * Validates parsed run metadata (of run.json, or the `run` header of results.json); `file` names it in messages.
 * A version-1 object is upgraded: its `args` bag becomes the typed `plan` field.
 */
export function parseRunMeta(value: unknown, file: string): RunMeta {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CheckpointError(`${file}: not onetoken-eval run metadata: expected an object, found ${describe(value)}`);
  }
  const version = (value as { version?: unknown }).version;
  const upgraded = version === 1 ? upgradeVersion1(value as Record<string, unknown>) : value;
  if (version !== 1 && version !== RUN_META_VERSION) {
    throw new CheckpointError(`${file}: unsupported run version ${JSON.stringify(version)}, expected 1 or ${RUN_META_VERSION} (written by a newer onetoken-eval?)`);
  }
  const parsed = runMetaSchema.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new CheckpointError(`${file}: run metadata: ${path ? `${path}: ` : ''}${issue.message.replace(/^Invalid input: /, '').toLowerCase()}`);
  }
  return parsed.data;
}

/** Version 1 kept the plan options as CLI-shaped strings in `args`; `shard` there was "i/n" text. */
function upgradeVersion1(value: Record<string, unknown>): Record<string, unknown> {
  const { args, ...rest } = value;
  const bag = (args !== null && typeof args === 'object' ? args : {}) as Record<string, unknown>;
  const models = Array.isArray(bag.models) ? bag.models.filter((model): model is string => typeof model === 'string') : null;
  return {
    ...rest,
    version: RUN_META_VERSION,
    plan: {
      models: models && models.length > 0 ? models : null,
      filter: typeof bag.filter === 'string' ? bag.filter : null,
      // The directory's own shard is authoritative: a merged v1 run kept its first shard's "i/n" in args.
      shard: rest.shard ?? null,
      repeat: Number.isInteger(bag.repeat) ? bag.repeat : null,
    },
    ...(rest.baseUrl === undefined ? {} : { baseUrl: rest.baseUrl }),
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
