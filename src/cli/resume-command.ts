/** The exact command that continues an interrupted or stopped run, printed for the user to copy. */

/** Quotes a shell word only when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `onetoken-eval run suites/x.yaml --resume results/x/2026-… --mock …` with the flags that shape the plan. */
export function resumeCommandFor(suitePath: string, runDir: string, options: Record<string, unknown>): string {
  const words = ['onetoken-eval', 'run', suitePath, '--resume', runDir];
  if (options.models) words.push('--models', (options.models as string[]).join(','));
  if (options.filter) words.push('--filter', String(options.filter));
  if (options.shard) words.push('--shard', String(options.shard));
  if (options.shardTotal) words.push('--shard-total', String(options.shardTotal));
  if (options.repeat) words.push('--repeat', String(options.repeat));
  if (options.mock) words.push('--mock');
  if (options.cache === false) words.push('--no-cache');
  if (options.concurrency && options.concurrency !== 8) words.push('--concurrency', String(options.concurrency));
  return words.map(shellWord).join(' ');
}
