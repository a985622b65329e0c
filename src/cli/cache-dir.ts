/** The response cache directory: `--cache-dir`, else `ONETOKEN_EVAL_CACHE_DIR`, else the default. */
import { OPTIONS } from './options.js';

/** Resolves the directory; the variable wins only when the flag was left at its default. */
export function resolveCacheDir(flag: unknown, env: NodeJS.ProcessEnv): string {
  const isDefault = flag === undefined || flag === OPTIONS.cacheDir.defaultValue;
  return isDefault && env.ONETOKEN_EVAL_CACHE_DIR ? env.ONETOKEN_EVAL_CACHE_DIR : String(flag ?? OPTIONS.cacheDir.defaultValue);
}
