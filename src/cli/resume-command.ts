/** The exact command that continues an interrupted or stopped run, printed for the user to copy. */
import { DEFAULT_CACHE_DIR, DEFAULT_CONCURRENCY } from '../run/index.js';
import type { OptionValues } from './options.js';
import { resolveShard } from './shard-option.js';

/** Quotes a shell word only when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `onetoken-eval run suites/x.yaml --resume results/x/2026-… --mock …` with the flags that shape the plan. */
export function resumeCommandFor(suitePath: string, runDir: string, options: OptionValues, env: NodeJS.ProcessEnv = process.env): string {
  const words = ['onetoken-eval', 'run', suitePath, '--resume', runDir];
  if (options.models) words.push('--models', options.models.join(','));
  if (options.filter) words.push('--filter', String(options.filter));
  // `--shard auto` is resolved here: the command is often rerun by hand, outside the CI job whose variables it read.
  const shard = options.shard ? safeShard(options, env) : null;
  if (shard) words.push('--shard', `${shard.index}/${shard.count}`);
  else if (options.shard) words.push('--shard', String(options.shard));
  if (options.repeat) words.push('--repeat', String(options.repeat));
  if (options.pairwise) words.push('--pairwise', String(options.pairwise));
  if (options.mock) words.push('--mock');
  if (options.cache === false) words.push('--no-cache');
  else if (options.cacheDir && options.cacheDir !== DEFAULT_CACHE_DIR) words.push('--cache-dir', String(options.cacheDir));
  if (options.concurrency && options.concurrency !== DEFAULT_CONCURRENCY) words.push('--concurrency', String(options.concurrency));
  return words.map(shellWord).join(' ');
}

/** The shard the run used, or null when it cannot be resolved (the run itself would have refused it). */
function safeShard(options: OptionValues, env: NodeJS.ProcessEnv): { index: number; count: number } | null {
  try {
    return resolveShard(options.shard, options.shardTotal, env);
  } catch {
    return null;
  }
}
