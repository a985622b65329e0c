/**
 * Text files must be UTF-8: a Latin-1 `México` read as UTF-8 becomes `M\uFFFDxico`, which would be sent and
 * scored without a word. `isUtf8` is the fast path; only a file that fails it is scanned for the first bad byte.
 */
import { isUtf8 } from 'node:buffer';

/** Where the first invalid UTF-8 sequence starts. */
export interface Utf8Problem {
  /** 0-based byte offset in the file. */
  offset: number;
  /** 1-based line and byte column of that offset. */
  line: number;
  column: number;
  /** The offending byte as `0xE9`. */
  byte: string;
}

/** Length of the sequence a lead byte starts, or 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The offset of the first invalid sequence (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
function firstInvalidOffset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = sequenceLength(lead);
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]!;
      const low = next === 1 && lead === 0xe0 ? 0xa0 : next === 1 && lead === 0xf0 ? 0x90 : 0x80;
      const high = next === 1 && lead === 0xed ? 0x9f : next === 1 && lead === 0xf4 ? 0x8f : 0xbf;
      if (byte < low || byte > high) return index;
    }
    index += length;
  }
  return -1;
}

/** The first invalid UTF-8 sequence of `bytes`, or null when the file is valid UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  if (isUtf8(bytes)) return null;
  const offset = firstInvalidOffset(bytes);
  if (offset === -1) return null;
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, byte: `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}` };
}
