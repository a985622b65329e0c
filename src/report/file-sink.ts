/**
 * The files of one report: text is streamed to `.<name>.partial` with backpressure, spooled text to
 * `.<name>.spool` beside it, and the finished file is renamed into place, so a failed or interrupted report never
 * leaves a truncated results.json where a reader would take it for a whole one.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ReportChunk, ReportEnding } from './types.js';

/** Text gathered before one stream write, in UTF-16 code units. @default 65536 */
const BATCH_CHARS = 1 << 16;

/**
 * A write stream fed in batches, whose `write` waits for 'drain', so memory stays bounded however fast cells
 * arrive. Each stream write costs a request object and, under load, a writev of many small buffers; the cells'
 * lines are short, so they are joined here first and the stream sees one write per 64 KiB.
 */
class Sink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  private batch = '';

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    // Kept until the next write: an 'error' with no listener would crash the process instead.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Queues text; returns a promise only when the stream must drain first (await it then). */
  write(text: string): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    this.batch += text;
    if (this.batch.length < BATCH_CHARS) return undefined;
    return this.flush();
  }

  private flush(): Promise<void> | undefined {
    const text = this.batch;
    this.batch = '';
    if (text === '' || this.stream.write(text)) return undefined;
    return once(this.stream, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  /** Stops writing and waits until the file is closed, so it can be removed afterwards. */
  async destroy(): Promise<void> {
    this.batch = '';
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}

/** One output file: main text, an optional spool, and the ending that joins them. */
export class ReportFile {
  private readonly main: Sink;
  private readonly spoolPath: string;
  private spool: Sink | null = null;
  /** Hears every piece of text of the finished file, in order (spooled text when it is copied in). */
  onText: ((text: string) => void) | null = null;

  constructor(readonly path: string) {
    const hidden = join(dirname(path), `.${basename(path)}`);
    this.main = new Sink(`${hidden}.partial`);
    this.spoolPath = `${hidden}.spool`;
  }

  /** Writes a chunk: its text now, its spool aside (the spool file is made on first use). Await a returned promise. */
  put(chunk: ReportChunk | string | undefined): Promise<void> | undefined {
    if (chunk === undefined) return undefined;
    if (typeof chunk === 'string') return this.write(chunk);
    const text = chunk.text ? this.write(chunk.text) : undefined;
    if (!chunk.spool) return text;
    this.spool ??= new Sink(this.spoolPath);
    const spool = this.spool.write(chunk.spool);
    if (text === undefined) return spool;
    return spool === undefined ? text : Promise.all([text, spool]).then(() => undefined);
  }

  /** Writes the ending, copying the spool in where it says, and closes the partial file. */
  async finish(ending: ReportEnding): Promise<void> {
    await this.write(ending.before);
    if (this.spool) {
      await this.spool.close();
      if (ending.withSpool) {
        for await (const text of createReadStream(this.spoolPath, { encoding: 'utf8' })) await this.write(text as string);
      }
      await rm(this.spoolPath, { force: true });
    }
    await this.write(ending.after);
    await this.main.close();
  }

  private write(text: string): Promise<void> | undefined {
    this.onText?.(text);
    return this.main.write(text);
  }

  /** Moves the finished file into place. */
  async commit(): Promise<void> {
    await rename(this.main.path, this.path);
  }

  /** Drops the partial file and the spool after a failure. */
  async abort(): Promise<void> {
    await Promise.all([this.main.destroy(), this.spool?.destroy()]);
    await Promise.all([rm(this.main.path, { force: true }), rm(this.spoolPath, { force: true })]);
  }
}
