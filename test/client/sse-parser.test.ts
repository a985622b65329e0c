import { describe, expect, test } from 'vitest';
import { SseParser, type SseEvent } from '../../src/client/sse-parser.js';

const encoder = new TextEncoder();

/** Feeds `chunks` to a fresh parser and returns every event, `end()` included. */
function parseChunks(chunks: (string | Uint8Array)[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

const SAMPLE =
  ': keep-alive\n\n' +
  'data: {"choices":[{"delta":{"content":"Grüße, 世界 🌍"}}]}\n\n' +
  'event: message\r\ndata: line one\r\ndata: line two\r\n\r\n' +
  'data:no-space\r\rdata: [DONE]\n\n';

const SAMPLE_EVENTS: SseEvent[] = [
  { event: null, data: '{"choices":[{"delta":{"content":"Grüße, 世界 🌍"}}]}' },
  { event: 'message', data: 'line one\nline two' },
  { event: null, data: 'no-space' },
  { event: null, data: '[DONE]' },
];

describe('SseParser', () => {
  test('parses a whole stream given in one chunk', () => {
    expect(parseChunks([SAMPLE])).toEqual(SAMPLE_EVENTS);
  });

  test('gives the same events for every split of the stream into two byte chunks', () => {
    const bytes = encoder.encode(SAMPLE);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(parseChunks([bytes.slice(0, cut), bytes.slice(cut)]), `cut at byte ${cut}`).toEqual(SAMPLE_EVENTS);
    }
  });

  test('gives the same events when fed one byte at a time', () => {
    const bytes = encoder.encode(SAMPLE);
    const chunks = Array.from(bytes, (_, i) => bytes.slice(i, i + 1));
    expect(parseChunks(chunks)).toEqual(SAMPLE_EVENTS);
  });

  test('reassembles a four-byte character split across three chunks', () => {
    const bytes = encoder.encode('data: 🌍\n\n');
    const at = bytes.indexOf(0xf0);
    const events = parseChunks([bytes.slice(0, at + 1), bytes.slice(at + 1, at + 3), bytes.slice(at + 3)]);
    expect(events).toEqual([{ event: null, data: '🌍' }]);
  });

  test('returns several events completed by one chunk in order', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\n\ndata: b\n\ndata: c\n\n').map((event) => event.data)).toEqual(['a', 'b', 'c']);
  });

  test('treats CRLF, CR and LF line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parseChunks([`data: x${eol}data: y${eol}${eol}`]), JSON.stringify(eol)).toEqual([{ event: null, data: 'x\ny' }]);
    }
  });

  test('does not read a CR at a chunk end followed by LF as two line ends', () => {
    expect(parseChunks(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([{ event: null, data: 'a\nb' }]);
  });

  test('ignores comments and fields it does not use', () => {
    expect(parseChunks([': ping\nid: 7\nretry: 100\nfoo: bar\ndata: x\n\n: ping\n\n'])).toEqual([{ event: null, data: 'x' }]);
  });

  test('drops only the first space after the colon', () => {
    expect(parseChunks(['data:  two spaces\n\n'])).toEqual([{ event: null, data: ' two spaces' }]);
  });

  test('dispatches a last event whose line ended but which lacked the blank line', () => {
    expect(parseChunks(['data: [DONE]\n'])).toEqual([{ event: null, data: '[DONE]' }]);
  });

  test('drops a partial last line, as it means the connection was cut', () => {
    expect(parseChunks(['data: {"choices":[{"del'])).toEqual([]);
  });

  test('dispatches nothing for an event without data lines', () => {
    expect(parseChunks(['event: ping\n\n'])).toEqual([]);
  });
});
