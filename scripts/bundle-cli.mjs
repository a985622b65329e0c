/**
 * Bundles the command line into dist/cli/bundle/cli.cjs and lazily loaded chunks (one per command and per heavy
 * dependency group), with source maps back to src/. `dist/cli/main.js` (plain `tsc` output) loads it through a V8
 * code cache, which Node 20 offers only to scripts compiled with `vm.Script`: hence CommonJS chunks. Start-up is part of the product: resolving and compiling
 * ~250 separate modules (ours, undici's, zod's, yaml's) cost more than the work of `validate` or `--version`, and
 * the bundler's tree shaking drops what a command does not use. `tsc` still emits the unbundled library
 * (dist/index.js and its modules) and the types; only the binary's entry is replaced.
 *
 * Our modules are declared free of import side effects except the two entry files, so re-exports through a
 * folder's index.ts (the import rule) cost nothing at run time.
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const entryFiles = /[\\/]src[\\/]cli[\\/](main|cli)\.ts$/;

await rm(`${root}dist/cli/chunks`, { recursive: true, force: true });
await rm(`${root}dist/cli/bundle`, { recursive: true, force: true });
const { output } = await build({
  cwd: root,
  input: { cli: 'src/cli/cli.ts' },
  platform: 'node',
  logLevel: 'warn',
  treeshake: {
    moduleSideEffects: (id, isExternal) => isExternal || id.includes('node_modules') || entryFiles.test(id) || !id.includes(`${root}src`),
  },
  output: {
    dir: 'dist/cli/bundle',
    format: 'cjs',
    sourcemap: true,
    // Less source to decode, parse and compile at every start; names are kept for error messages and stacks.
    minify: { compress: { keepNames: { function: true, class: true } }, mangle: { keepNames: true }, codegen: { removeWhitespace: true } },
    // Every file name carries a hash of its content: the code cache keys its entries by file name.
    entryFileNames: 'chunks/[name]-[hash].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
  },
});

// The loader requires a fixed name; this file is not compiled through the code cache (its content changes with
// every build while its length does not, and V8 checks only the length).
const entry = output.find((file) => file.type === 'chunk' && file.isEntry);
await writeFile(`${root}dist/cli/bundle/entry.cjs`, `module.exports = require('./${entry.fileName}');\n`);
