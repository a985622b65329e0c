/**
 * Types of the two undici modules that `undici-pool.ts` imports directly (undici has no `exports` map, so its files
 * are importable; its own types describe only the index). They are the same objects the index re-exports.
 */
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';

  const PoolClass: typeof Pool;
  export default PoolClass;
}

declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';

  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  export default request;
}
