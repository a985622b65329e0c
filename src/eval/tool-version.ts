/** The tool's version, from package.json (read once). */
import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** `0.1.0` */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
