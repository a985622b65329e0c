/**
 * A V8 code cache for the bundled command line, for Node versions without `module.enableCompileCache` (Node 20).
 * Compiling our bundle and its dependencies is the largest part of every start (`run` of one cell spends about a
 * quarter of its instructions in V8's parser), so each bundle file is compiled through `vm.Script` with the bytes V8
 * produced for it last time. A file without usable bytes is compiled as usual and its bytes are written when the
 * process exits, so they include the functions that this command compiled lazily while it ran.
 *
 * The bytes live in the user's cache directory (`$XDG_CACHE_HOME` or `~/.cache`, `onetoken-eval/compile-cache`,
 * created private to the user: a shared temporary directory would let another user hand us code). V8 checks each
 * entry against the source and its own version and flags and ignores one that does not match; every failure to read
 * or write only costs speed. `ONETOKEN_EVAL_COMPILE_CACHE=0` switches the cache off, and any other value names the
 * directory to use.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/** `import()` inside the bundle loads as it would in a file Node compiled itself (a user's check module, say). */
const importModuleDynamically = vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/** Length of the CommonJS wrapper's opening, `(function (exports, require, module, __filename, __dirname) { `. */
const WRAPPER_PREFIX_LENGTH = Module.wrap('').indexOf('{') + 2;

/** Entries not used for this long are deleted when a new one is written: old bundles' files, other Node versions. */
const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/** The part of `Module` that CommonJS loading goes through; public in practice (used by ts-node, pirates). */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

/** Where the entries live, or null when the cache is switched off. */
export function codeCacheDirectory(env: NodeJS.ProcessEnv): string | null {
  const setting = env.ONETOKEN_EVAL_COMPILE_CACHE;
  if (setting === '0' || setting === 'false') return null;
  if (setting) return setting;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'onetoken-eval', 'compile-cache');
}

/**
 * Compiles every CommonJS file under `bundleDir` (files whose names carry a content hash) through the code cache
 * in `cacheDir` from now on. Returns the function that writes the entries that were missing or stale (called once,
 * when the process exits).
 */
export function installCodeCache(bundleDir: string, cacheDir: string): () => void {
  const prefix = bundleDir.endsWith(sep) ? bundleDir : `${bundleDir}${sep}`;
  const pending: { file: string; script: vm.Script }[] = [];
  const proto = (Module as unknown as { prototype: CompilingModule }).prototype;
  const compile = proto._compile;
  proto._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const file = entryFile(cacheDir, filename);
    const cachedData = readEntry(file);
    // The wrapper shares the first line with the (minified) code: shift columns back so stacks and source maps match.
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically, columnOffset: -WRAPPER_PREFIX_LENGTH });
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  return () => {
    if (pending.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      for (const { file, script } of pending) writeEntry(file, script.createCachedData());
      removeStaleEntries(cacheDir);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  };
}

/**
 * One entry per bundle file and Node version. The file names carry a hash of their content, which matters: V8
 * checks an entry against the source's length only.
 */
function entryFile(cacheDir: string, filename: string): string {
  return join(cacheDir, `${basename(filename)}.${process.version}.${process.arch}.bin`);
}

function readEntry(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so that a concurrent start reads a whole entry or none. */
function writeEntry(file: string, bytes: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes, { mode: 0o600 });
  renameSync(temporary, file);
}

function removeStaleEntries(cacheDir: string): void {
  const now = Date.now();
  for (const name of readdirSync(cacheDir)) {
    const file = join(cacheDir, name);
    if (now - statSync(file).atimeMs > STALE_AFTER_MS && now - statSync(file).mtimeMs > STALE_AFTER_MS) unlinkSync(file);
  }
}
