import { listKind } from './list-kind.js';

/** `icontains-any`: like `contains-any`, ignoring case and Unicode form. */
export const icontainsAny = listKind('icontains-any', 'any', true);
