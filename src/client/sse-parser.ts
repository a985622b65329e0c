/**
 * Incremental parser of a `text/event-stream` body, following the WHATWG server-sent events rules: lines end
 * in CRLF, LF or CR; a blank line dispatches the event; `data:` lines join with `\n`; a line starting with `:` is
 * a comment; one space after the colon is dropped. Pure: bytes in, events out, no I/O and no clock.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field, or null when the event had none (OpenAI streams never set it). */
  event: string | null;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

/** Feeds chunks as they arrive and returns the events each one completed. */
export class SseParser {
  // A streaming decoder keeps the leading bytes of a multi-byte character split across two chunks.
  private readonly decoder = new TextDecoder('utf-8');
  private buffer = '';
  private dataLines: string[] = [];
  private eventName: string | null = null;
  private hasField = false;
  // A chunk that ends in CR might be the first half of CRLF, so a leading LF of the next chunk is skipped.
  private skipLeadingLf = false;

  /** Parses one chunk (bytes or already-decoded text) and returns the events it completed, in order. */
  push(chunk: Uint8Array | string): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text, false);
  }

  /**
   * Ends the stream. The spec drops an event that was not followed by a blank line; we still dispatch one whose
   * last line was complete, because some servers close right after `data: [DONE]\n`. A partial last line is a
   * cut connection and is dropped.
   */
  end(): SseEvent[] {
    const events = this.consume(this.decoder.decode(), true);
    if (this.hasField) {
      const last = this.dispatch();
      if (last) events.push(last);
    }
    return events;
  }

  private consume(text: string, isFinal: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    let input = this.buffer + text;
    if (this.skipLeadingLf && input.length > 0) {
      if (input.charCodeAt(0) === 10) input = input.slice(1);
      this.skipLeadingLf = false;
    }
    let start = 0;
    const length = input.length;
    for (let i = 0; i < length; i++) {
      const code = input.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      const line = input.slice(start, i);
      if (code === 13) {
        if (i + 1 < length) {
          if (input.charCodeAt(i + 1) === 10) i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      const event = this.processLine(line);
      if (event) events.push(event);
    }
    this.buffer = isFinal ? '' : input.slice(start);
    return events;
  }

  private processLine(line: string): SseEvent | null {
    if (line.length === 0) return this.dispatch();
    if (line.charCodeAt(0) === 58) return null; // ':' starts a comment (keep-alive pings)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') {
      this.dataLines.push(value);
      this.hasField = true;
    } else if (field === 'event') {
      this.eventName = value;
      this.hasField = true;
    }
    // `id` and `retry` matter only for reconnecting EventSource clients; unknown fields are ignored by the spec.
    return null;
  }

  private dispatch(): SseEvent | null {
    const hasData = this.dataLines.length > 0;
    const event: SseEvent | null = hasData ? { event: this.eventName, data: this.dataLines.join('\n') } : null;
    this.dataLines = [];
    this.eventName = null;
    this.hasField = false;
    return event;
  }
}
