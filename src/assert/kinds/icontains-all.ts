import { listKind } from './list-kind.js';

/** `icontains-all`: like `contains-all`, ignoring case and Unicode form. */
export const icontainsAll = listKind('icontains-all', 'all', true);
