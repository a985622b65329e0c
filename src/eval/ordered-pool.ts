/**
 * Maps an async stream through a bounded p-limit pool and yields the results in input order, holding at most
 * `window` items at once: rescoring with grader calls runs several cells at a time without reading the whole
 * journal into memory or reordering it.
 */
import pLimit from 'p-limit';

/** Yields `map(item)` for each item, in order, with at most `concurrency` maps running at once. */
export async function* mapInOrder<T, R>(items: AsyncIterable<T> | Iterable<T>, concurrency: number, map: (item: T) => Promise<R>): AsyncGenerator<R> {
  const limit = pLimit(concurrency);
  const window = concurrency * 2;
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    pending.push(limit(() => map(item)));
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
