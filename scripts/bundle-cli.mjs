/**
 * Bundles the command line into dist/cli/main.js and a few lazily loaded chunks (one per command and per heavy
 * dependency group), with source maps back to src/. Start-up is part of the product: resolving and compiling
 * ~250 separate modules (ours, undici's, zod's, yaml's) cost more than the work of `validate` or `--version`, and
 * the bundler's tree shaking drops what a command does not use. `tsc` still emits the unbundled library
 * (dist/index.js and its modules) and the types; only the binary's entry is replaced.
 *
 * Our modules are declared free of import side effects except the two entry files, so re-exports through a
 * folder's index.ts (the import rule) cost nothing at run time.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryFiles = /[\\/]src[\\/]cli[\\/](main|cli)\.ts$/;

await rm(`${root}dist/cli/chunks`, { recursive: true, force: true });
await build({
  cwd: root,
  input: { main: 'src/cli/main.ts' },
  platform: 'node',
  logLevel: 'warn',
  treeshake: {
    moduleSideEffects: (id, isExternal) => isExternal || id.includes('node_modules') || entryFiles.test(id) || !id.includes(`${root}src`),
  },
  output: {
    dir: 'dist/cli',
    format: 'esm',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
});
