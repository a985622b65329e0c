/**
 * Case folding for the case-insensitive kinds. NFKC first merges compatibility forms (ligatures, full-width
 * letters) and composed/decomposed accents; upper- then lower-casing approximates Unicode full case folding
 * ("ß" -> "SS" -> "ss"), which plain lower-casing does not do; the `und` locale keeps the result independent of
 * the machine's locale (no Turkish dotless i surprises).
 */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toLocaleUpperCase('und').toLocaleLowerCase('und').normalize('NFKC');
}
