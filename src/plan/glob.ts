/** `--filter` globs over `prompt/case` ids: `*`, `?`, `[abc]`, `{a,b}`. */
import { optionRef, UsageError } from '../errors.js';

/** Compiles a glob; a glob without "/" matches either the prompt id or the case id. */
export function compileFilter(glob: string): (promptId: string, caseId: string) => boolean {
  if (glob.trim() === '') throw new UsageError(`invalid ${optionRef('filter')}: expected a glob such as "capitals/*" or "*france*", got an empty string`);
  const regex = globToRegExp(glob);
  if (glob.includes('/')) return (promptId, caseId) => regex.test(`${promptId}/${caseId}`);
  return (promptId, caseId) => regex.test(promptId) || regex.test(caseId);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) throw new UsageError(`invalid ${optionRef('filter')} "${glob}": unclosed "[" at position ${i + 1}`);
      const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      i = end;
    } else if (char === '{') {
      if (inBraces) throw new UsageError(`invalid ${optionRef('filter')} "${glob}": nested "{" at position ${i + 1}`);
      inBraces = true;
      source += '(?:';
    } else if (char === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (char === ',' && inBraces) source += '|';
    else source += char.replace(/[.+^$()|\\\]{}]/g, '\\$&');
  }
  if (inBraces) throw new UsageError(`invalid ${optionRef('filter')} "${glob}": unclosed "{"`);
  return new RegExp(`^${source}$`);
}
