import { listKind } from './list-kind.js';

/** `contains-all`: the answer contains every string of `value` (case-sensitive). */
export const containsAll = listKind('contains-all', 'all', false);
