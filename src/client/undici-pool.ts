/**
 * undici's `Pool` and its `request`, loaded from the two modules that define them rather than from undici's index.
 * The index also loads fetch, WebSocket, EventSource, cookies, the cache stores and the mock agents, and its cookie
 * module touches `globalThis.Headers`, which makes Node load its own second copy of undici: together about half
 * the CPU of a one-cell run's start. The index does nothing more for a Pool than attach `request` to it, which we
 * call directly instead.
 */
/// <reference path="./undici-internals.d.ts" />
import type { Dispatcher, Pool } from 'undici';
import PoolClass from 'undici/lib/dispatcher/pool.js';
import requestOnDispatcher from 'undici/lib/api/api-request.js';

export type { Dispatcher, Pool };

/** A connection pool to one origin, as `new Pool(origin, options)` from `undici`. */
export function createPool(origin: string, options: Pool.Options): Pool {
  return new PoolClass(origin, options);
}

/** `pool.request(options)`, as undici's index attaches it. */
export function requestOn(pool: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return requestOnDispatcher.call(pool, options);
}
