#!/usr/bin/env node
/**
 * The `onetoken-eval` binary: a small loader in front of the bundled command line (`bundle/entry.cjs`, which loads
 * `bundle/chunks/cli-<hash>.cjs` and its lazily loaded chunks, built by `scripts/bundle-cli.mjs`). Cold start is part of the product (`validate` in a pre-commit
 * hook, `run` in CI), and most of it is compiling JavaScript, so the bundle is compiled through a code cache (see
 * `code-cache.ts`). Without a bundle (a plain `tsc` build) it imports the unbundled `cli.js` instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { codeCacheDirectory, installCodeCache } from './code-cache.js';

/** 200 times V8's default (1,800,000): optimized after some tens of thousands of responses, not after one. */
const WASM_TIERING_BUDGET = 360_000_000;

// undici parses HTTP with llhttp compiled to WebAssembly. V8 first compiles it with its baseline compiler and,
// once the parser has run a little, recompiles its one huge function with the optimizing compiler on a background
// thread: ~0.3 s of CPU that a short run pays in full (Node waits for the job before it exits) and a long run
// barely notices (parsing a response is microseconds either way). A larger tiering budget keeps the baseline code
// until a run has parsed a great deal; set before undici is loaded, as V8 reads it when the module compiles.
v8.setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);

const bundleEntry = fileURLToPath(new URL('./bundle/entry.cjs', import.meta.url));
if (existsSync(bundleEntry)) {
  const cacheDir = codeCacheDirectory(process.env);
  if (cacheDir !== null) process.once('exit', installCodeCache(fileURLToPath(new URL('./bundle/chunks/', import.meta.url)), cacheDir));
  createRequire(import.meta.url)(bundleEntry);
} else {
  await import('./cli.js');
}
