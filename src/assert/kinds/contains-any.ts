import { listKind } from './list-kind.js';

/** `contains-any`: the answer contains at least one of `value` (case-sensitive). */
export const containsAny = listKind('contains-any', 'any', false);
