/**
 * Loads the modules of JavaScript checks and transforms once, while the suite is validated, so a check file
 * that does not load (a syntax error, a failing import, a missing export) is a validation error (exit 2) before
 * any request. Suite loading is synchronous, so the import runs in a worker thread and the main thread waits
 * for its answer with `Atomics.wait`; the module's top-level code runs there, never in the main thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** One module to load and the exports it must have. */
export interface CheckModule {
  /** Path as resolved by the suite loader (relative to the working directory, or absolute). */
  file: string;
  /** Export names that must be functions; null stands for the default export. */
  exports: (string | null)[];
}

/** Why a module failed: it does not load at all, or an export is missing. */
export type CheckLoadProblem = { file: string; export?: undefined; message: string } | { file: string; export: string | null; message: string };

/** How long loading every check module may take before it is reported as hanging. @default 30000 ms */
const LOAD_TIMEOUT_MS = 30_000;

const LOADER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL, fileURLToPath } = require('node:url');
const { resolve, relative } = require('node:path');
function where(error) {
  const stack = String(error && error.stack || '');
  const frame = /(file:\\/\\/[^\\s)]+?):(\\d+)/.exec(stack);
  if (!frame) return '';
  const path = fileURLToPath(frame[1]);
  const shown = relative(process.cwd(), path);
  return ' (at ' + (shown.startsWith('..') ? path : shown) + ':' + frame[2] + ')';
}
(async () => {
  const problems = [];
  for (const { file, exports } of workerData.modules) {
    let module;
    try {
      module = await import(pathToFileURL(resolve(file)).href);
    } catch (error) {
      const text = error instanceof Error ? error.name + ': ' + error.message.split('\\n')[0] : String(error);
      problems.push({ file, message: 'cannot load ' + file + ': ' + text + where(error) });
      continue;
    }
    const names = Object.keys(module).filter((name) => typeof module[name] === 'function');
    for (const name of exports) {
      if (typeof module[name === null ? 'default' : name] === 'function') continue;
      const wanted = name === null ? 'a function as its default export (or name one with "function")' : 'a function "' + name + '"';
      problems.push({ file, export: name, message: file + ' does not export ' + wanted + '; its function exports: ' + (names.length ? names.join(', ') : 'none') });
    }
  }
  workerData.port.postMessage(problems);
  Atomics.store(workerData.flag, 0, 1);
  Atomics.notify(workerData.flag, 0);
})();
`;

/** Imports every module in a worker thread and returns the problems found, in input order. */
export function loadCheckModules(modules: CheckModule[]): CheckLoadProblem[] {
  if (modules.length === 0) return [];
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const env = { ...process.env };
  delete env.ONETOKEN_API_KEY;
  const worker = new Worker(LOADER_SOURCE, { eval: true, env, workerData: { modules, flag, port: port2 }, transferList: [port2], stdout: true, stderr: true });
  try {
    const state = Atomics.wait(flag, 0, 0, LOAD_TIMEOUT_MS);
    const message = receiveMessageOnPort(port1);
    if (state === 'timed-out' || !message) {
      return modules.map(({ file }) => ({ file, message: `cannot load ${file}: its top-level code did not finish within ${LOAD_TIMEOUT_MS} ms` }));
    }
    return message.message as CheckLoadProblem[];
  } finally {
    port1.close();
    void worker.terminate();
  }
}
