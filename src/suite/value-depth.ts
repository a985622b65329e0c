/**
 * How deeply a parsed value nests, measured without recursion: JSON.parse and the YAML parser accept 100,000
 * levels, but every recursive walk after them (validation, canonical JSON for the plan hash) would overflow the
 * stack and crash.
 */

/** True when `value` nests deeper than `limit` arrays or objects. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
