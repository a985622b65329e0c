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

/** A write stream whose `write` waits for 'drain', so memory stays bounded however fast cells arrive. */
class Sink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    // Kept until the next write: an 'error' with no listener would crash the process instead.
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (text === '') return;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  /** Stops writing and waits until the file is closed, so it can be removed afterwards. */
  async destroy(): Promise<void> {
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

  constructor(readonly path: string) {
    const hidden = join(dirname(path), `.${basename(path)}`);
    this.main = new Sink(`${hidden}.partial`);
    this.spoolPath = `${hidden}.spool`;
  }

  /** Writes a chunk: its text now, its spool aside (the spool file is made on first use). */
  async put(chunk: ReportChunk | string | undefined): Promise<void> {
    if (chunk === undefined) return;
    if (typeof chunk === 'string') return this.main.write(chunk);
    if (chunk.text) await this.main.write(chunk.text);
    if (chunk.spool) {
      this.spool ??= new Sink(this.spoolPath);
      await this.spool.write(chunk.spool);
    }
  }

  /** Writes the ending, copying the spool in where it says, and closes the partial file. */
  async finish(ending: ReportEnding): Promise<void> {
    await this.main.write(ending.before);
    if (this.spool) {
      await this.spool.close();
      if (ending.withSpool) {
        for await (const text of createReadStream(this.spoolPath, { encoding: 'utf8' })) await this.main.write(text as string);
      }
      await rm(this.spoolPath, { force: true });
    }
    await this.main.write(ending.after);
    await this.main.close();
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
