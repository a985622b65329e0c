/**
 * Run progress on stderr. On a TTY: one live line redrawn at most 10 times a second. Not on a TTY, or with CI
 * set: a plain line every few seconds and at the end, with no control characters, so CI logs stay readable.
 */
import type { ClientEvent } from '../client/index.js';
import { formatCost, formatCount, plural } from '../report/index.js';
import type { CellRecord } from '../run/index.js';
import { spendOf } from '../wire/index.js';

/** How progress is shown. */
export interface ProgressOptions {
  total: number;
  /** Cells already done before this process started (resume); `resumed` can set it once the journal is read. */
  alreadyDone: number;
  isTty: boolean;
  isQuiet: boolean;
  /** Seconds between plain lines. @default 5 */
  plainIntervalS?: number;
  write?: (text: string) => void;
  now?: () => number;
}

/** A progress display. */
export class Progress {
  private done = 0;
  private alreadyDone: number;
  private cached = 0;
  private hasPricing = false;
  private errors = 0;
  private failed = 0;
  private retries = 0;
  private tokens = 0;
  private cost = 0;
  private readonly startedMs: number;
  private lastDrawMs = 0;
  private readonly write: (text: string) => void;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private readonly limits = new Map<string, number>();

  constructor(private readonly options: ProgressOptions) {
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.now = options.now ?? (() => Date.now());
    this.startedMs = this.now();
    this.alreadyDone = options.alreadyDone;
    if (!options.isQuiet && !options.isTty) {
      this.timer = setInterval(() => this.writePlain(), (options.plainIntervalS ?? 5) * 1000);
      this.timer.unref();
    }
  }

  /** A finished cell. */
  cell(record: CellRecord): void {
    this.done++;
    if (record.error) this.errors++;
    else if (record.pass === false) this.failed++;
    this.tokens += record.usage?.totalTokens ?? 0;
    if (record.cached) this.cached++;
    // The summary's spend rule (answers and grader calls, the cache's free), so the last line shows its total.
    const spend = spendOf(record);
    if (spend.answers !== null || spend.graders !== null) this.hasPricing = true;
    this.cost += (spend.answers ?? 0) + (spend.graders ?? 0);
    if (this.options.isTty && !this.options.isQuiet && this.now() - this.lastDrawMs >= 100) this.draw();
  }

  /**
   * What a resumed run already had: its cells, so the count runs toward the whole plan (`450/450`, not `314/450`),
   * and their spend (null when none was priced), so the cost ends on the run directory's total as the summary does.
   */
  resumed(cells: number, spentUsd: number | null = null): void {
    this.alreadyDone = cells;
    if (spentUsd !== null) {
      this.hasPricing = true;
      this.cost += spentUsd;
    }
  }

  /** A client event: retries are counted, concurrency changes shown. */
  event(event: ClientEvent): void {
    if (event.type === 'retry') this.retries++;
    if (event.type === 'concurrency') this.limits.set(event.model, event.limit);
  }

  /** The status text. */
  line(): string {
    const total = this.options.total;
    const finished = this.alreadyDone + this.done;
    const elapsedS = Math.max(0.001, (this.now() - this.startedMs) / 1000);
    const cellRate = this.done / elapsedS;
    const requests = this.done - this.cached;
    const remaining = total - finished;
    const eta = cellRate > 0 && remaining > 0 ? `${formatDuration(remaining / cellRate)}` : '-';
    // Cache hits are not requests: a rate over them ("2307.7 req/s") would describe no traffic at all.
    const traffic = [this.cached > 0 ? `${formatCount(this.cached)} from cache` : null, plural(requests, 'request'), requests > 0 ? `${(requests / elapsedS).toFixed(1)} req/s` : null];
    const parts = [
      `${formatCount(finished)}/${formatCount(total)} cells`,
      traffic.filter((part) => part !== null).join(', '),
      `eta ${eta}`,
      `${formatCount(this.failed)} failed`,
      plural(this.errors, 'error'),
      plural(this.retries, 'retry', 'retries'),
      plural(this.tokens, 'token'),
      `spent ${formatCost(this.hasPricing ? this.cost : null)}`,
    ];
    if (this.limits.size > 0) parts.push(`limits ${[...this.limits].map(([model, limit]) => `${model}=${limit}`).join(' ')}`);
    return parts.join(' | ');
  }

  private draw(): void {
    this.lastDrawMs = this.now();
    const columns = process.stderr.columns ?? 120;
    this.write(`\r\x1b[2K${this.line().slice(0, columns - 1)}`);
  }

  private writePlain(): void {
    this.write(`progress: ${this.line()}\n`);
  }

  /** Prints a message without tearing the live line. */
  message(text: string): void {
    if (this.options.isTty && !this.options.isQuiet) this.write(`\r\x1b[2K${text}\n`);
    else this.write(`${text}\n`);
    if (this.options.isTty && !this.options.isQuiet) this.draw();
  }

  /** Final line; stops the timer. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.options.isQuiet) return;
    if (this.options.isTty) this.write(`\r\x1b[2K${this.line()}\n`);
    else this.writePlain();
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
