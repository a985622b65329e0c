/** `onetoken-eval cache info|clear`: the response cache. */
import { ExitCode, UsageError } from '../../errors.js';
import { cacheInfo, clearCache } from '../../run/index.js';
import { resolveCacheDir } from '../../eval/index.js';
import { plural } from '../../report/index.js';
import type { OptionValues } from '../options.js';

/** Shows or clears the cache. */
export async function cacheCommand(args: string[], options: OptionValues): Promise<number> {
  const directory = resolveCacheDir(options.cacheDir);
  const action = args[0];
  if (action === 'info') {
    const info = cacheInfo(directory);
    process.stdout.write(options.json ? `${JSON.stringify({ directory, ...info })}\n` : `${directory}: ${plural(info.entries, 'entry', 'entries')}, ${(info.bytes / 1024).toFixed(1)} KiB\n`);
    return ExitCode.ok;
  }
  if (action === 'clear') {
    const removed = clearCache(directory);
    process.stdout.write(options.json ? `${JSON.stringify({ directory, removed })}\n` : `${directory}: removed ${plural(removed, 'entry', 'entries')}\n`);
    return ExitCode.ok;
  }
  throw new UsageError(`unknown cache action "${action}": expected "info" or "clear"`);
}
