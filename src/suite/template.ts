/**
 * `{{ var }}` and `{{ user.name }}` substitution. Plain substitution only: data is never executed as code, so a
 * template library with expressions or helpers would be a liability here, not a feature.
 */

/** Matches one placeholder; the name is letters, digits, `_`, `-` and dots. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;

/** A placeholder that does not fit the grammar, so it is reported instead of being sent as literal braces. */
const MALFORMED = /\{\{(?![\s]*[A-Za-z_][\w-]*(?:\.[\w-]+)*\s*\}\})[^}]*\}\}/;

/** Variable names used by a template, in order of first use. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

/** The first placeholder that does not parse, or null. */
export function findMalformedPlaceholder(template: string): string | null {
  return MALFORMED.exec(template)?.[0] ?? null;
}

/** Looks up `a.b.c`: a literal key `a.b.c` first (CSV headers), then the nested path. */
export function lookupVariable(vars: Record<string, unknown>, name: string): { found: boolean; value: unknown } {
  if (Object.hasOwn(vars, name)) return { found: true, value: vars[name] };
  let current: unknown = vars;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
}

/** Text of a variable's value: strings as they are, other values as JSON. */
function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Renders a template. Every variable must be defined: the suite validator checks that before any request, and an
 * undefined one here is a bug, so it throws rather than sending an empty string.
 */
export function renderTemplate(template: string, vars: Record<string, unknown>): string {
  if (!template.includes('{{')) return template;
  const { texts, names } = compileTemplate(template);
  let out = texts[0]!;
  for (let index = 0; index < names.length; index++) {
    const { found, value } = lookupVariable(vars, names[index]!);
    if (!found) throw new Error(`template variable "${names[index]}" is not defined`);
    out += stringify(value) + texts[index + 1]!;
  }
  return out;
}

/** A template split at its placeholders: `texts` has one more entry than `names`. */
interface CompiledTemplate {
  texts: string[];
  names: string[];
}

/** Compiled templates by text; a plan renders the same few templates for every cell. @default 1000 */
const COMPILED_LIMIT = 1000;
const compiled = new Map<string, CompiledTemplate>();

/**
 * Splits a template once instead of running the placeholder regex with a callback per render: rendering is then
 * a few concatenations, and a 100,000-row plan renders each prompt twice per case (the plan hash, then the run).
 */
function compileTemplate(template: string): CompiledTemplate {
  let found = compiled.get(template);
  if (found === undefined) {
    const texts: string[] = [];
    const names: string[] = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      texts.push(template.slice(last, match.index));
      names.push(match[1]!);
      last = match.index + match[0].length;
    }
    texts.push(template.slice(last));
    found = { texts, names };
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(template, found);
  }
  return found;
}

/** Renders every string inside a JSON-like value (assertion specs). */
export function renderDeep<T>(value: T, vars: Record<string, unknown>): T {
  if (typeof value === 'string') return renderTemplate(value, vars) as T;
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, vars)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = renderDeep(item, vars);
    return out as T;
  }
  return value;
}

/** Every variable used by the strings inside a JSON-like value. */
export function deepTemplateVariables(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const name of templateVariables(value)) into.add(name);
  else if (Array.isArray(value)) for (const item of value) deepTemplateVariables(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) deepTemplateVariables(item, into);
  return into;
}
