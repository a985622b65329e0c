/**
 * Counts the bytes `Buffer.concat` produces while an action runs: an operation count, not a clock, for tests
 * that reading is linear. Joining a partial line onto every new chunk copies the line again per chunk (1 + 2 +
 * … + n chunks, quadratic); joining its pieces once copies it once.
 */
import { vi } from 'vitest';

/** Runs `action` and returns its result with the bytes all `Buffer.concat` calls made meanwhile. */
export async function countConcatBytes<T>(action: () => T | Promise<T>): Promise<{ result: T; copiedBytes: number }> {
  const concat = Buffer.concat.bind(Buffer);
  let copiedBytes = 0;
  const spy = vi.spyOn(Buffer, 'concat').mockImplementation((list: readonly Uint8Array[], totalLength?: number) => {
    const joined = concat(list, totalLength);
    copiedBytes += joined.length;
    return joined;
  });
  try {
    return { result: await action(), copiedBytes };
  } finally {
    spy.mockRestore();
  }
}
