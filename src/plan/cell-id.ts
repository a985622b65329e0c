/**
 * Stable cell ids: `prompt/case/model#repeat`. Built from ids and the model label only, never from positions, so
 * an id survives reordering of the suite file and matches across runs for resume, compare and merge.
 */

/** Escapes the separators so any label (model ids may hold "/") keeps the id unambiguous. */
function escapePart(part: string): string {
  if (!/[%/#]/.test(part)) return part;
  return part.replace(/%/g, '%25').replace(/\//g, '%2F').replace(/#/g, '%23');
}

/** The id of one cell. */
export function cellId(promptId: string, caseId: string, modelLabel: string, repeat: number): string {
  return `${escapePart(promptId)}/${escapePart(caseId)}/${escapePart(modelLabel)}#${repeat}`;
}
