// JavaScript checks for suites/custom-checks.yaml. Each is called as fn(output, context) in a worker thread
// and returns true/false, a score in 0..1, or {pass, score, reason}.
import { words } from './text.mjs';

/** Passes when the answer is short and names the expected city (context.vars.city). */
export function namesCity(output, context) {
  const found = fold(output).includes(fold(String(context.vars.city ?? '')));
  const count = words(output).length;
  return { pass: found && count <= 60, score: found ? 1 : 0, reason: `${found ? 'names' : 'does not name'} ${context.vars.city} in ${count} words` };
}

/** Lower case without accents, so "Brasília" names "Brasilia". */
function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A score in 0..1: shorter answers score higher (config.maxWords sets the budget). */
export default function brevity(output, context) {
  const budget = context.config.maxWords ?? 40;
  return Math.max(0, Math.min(1, 1 - (words(output).length - budget) / budget));
}
