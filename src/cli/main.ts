#!/usr/bin/env node
/**
 * The `onetoken-eval` binary. Cold start is part of the product (`validate` in a pre-commit hook, `run` in CI),
 * and most of it is compiling our modules and our dependencies', so on Node versions that have it (22.1+) the
 * module compile cache is switched on before anything else is loaded; Node 20 has no such cache and skips it.
 * The command line itself is in `cli.ts`, imported dynamically so that it loads after the switch.
 */
import module from 'node:module';

const enableCompileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enableCompileCache === 'function') {
  try {
    enableCompileCache();
  } catch {
    // A cache directory that cannot be created only costs speed.
  }
}

await import('./cli.js');
