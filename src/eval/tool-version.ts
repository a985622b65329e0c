/**
 * The tool's version, from the package's package.json (read once). It is found by walking up from this module,
 * because the same code runs from dist/eval/ (the library) and from a bundled chunk under dist/cli/ (the binary).
 */
import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** `0.1.0` */
export function toolVersion(): string {
  cached ??= readOwnPackage().version;
  return cached;
}

function readOwnPackage(): { version: string } {
  for (let url = new URL('./package.json', import.meta.url); ; ) {
    try {
      const manifest = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version: string };
      if (manifest.name === 'onetoken-eval') return manifest;
    } catch {
      // Not here (or not ours): keep walking up.
    }
    const parent = new URL('../package.json', url);
    if (parent.href === url.href) throw new Error('onetoken-eval: cannot find its own package.json');
    url = parent;
  }
}
