/**
 * What a command shows on the terminal while it works: the progress line of the suite being run and one-line
 * messages that must not tear it. Colour only on a TTY outside CI and without NO_COLOR.
 */
import type { Plan } from '../plan/index.js';
import { plural } from '../report/index.js';
import { describeEndpoint, type EndpointInfo } from '../wire/index.js';
import type { OptionValues } from './options.js';
import { Progress } from './progress.js';

/** True when stdout may carry ANSI colours: a TTY, outside CI, without NO_COLOR. */
export function isColorStdout(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !process.env.CI;
}

/** The terminal of one command. */
export class Terminal {
  /** The progress display of the suite being run, or null between suites. */
  progress: Progress | null = null;
  readonly isQuiet: boolean;
  readonly isTty = Boolean(process.stderr.isTTY) && !process.env.CI;
  readonly color = isColorStdout();

  constructor(options: OptionValues) {
    this.isQuiet = Boolean(options.quiet) || Boolean(options.json);
  }

  /** Prints one line on stderr, above the progress line when there is one. */
  say(text: string): void {
    if (this.progress) this.progress.message(text);
    else process.stderr.write(`${text}\n`);
  }

  /** Announces a suite's run and starts its progress line. */
  startRun(plan: Plan, runDir: string, endpoint: EndpointInfo, concurrency: number | undefined): void {
    if (!this.isQuiet) {
      const shard = plan.shard ? ` (shard ${plan.shard.index}/${plan.shard.count})` : '';
      this.say(`running ${plan.suite.path}: ${plural(plan.cellCount, 'cell')}${shard}, concurrency ${concurrency}, endpoint ${describeEndpoint(endpoint)} -> ${runDir}`);
    }
    this.progress = new Progress({ total: plan.cellCount, alreadyDone: 0, isTty: this.isTty, isQuiet: this.isQuiet });
  }

  /** Ends the progress line. */
  finishRun(): void {
    this.progress?.finish();
    this.progress = null;
  }
}
