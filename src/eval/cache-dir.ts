/** The response cache directory of a whole-run function: the option, else `ONETOKEN_EVAL_CACHE_DIR`, else the default. */
import { DEFAULT_CACHE_DIR } from '../run/index.js';

/** Resolves the cache directory; the variable is used only when no directory was given. */
export function resolveCacheDir(directory: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return directory ?? (env.ONETOKEN_EVAL_CACHE_DIR || DEFAULT_CACHE_DIR);
}
