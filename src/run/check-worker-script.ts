/**
 * The source of the worker thread that runs JavaScript checks and transforms. It is evaluated (`eval: true`)
 * rather than loaded from a file so the same code runs from `dist/` and from the TypeScript sources under the
 * tests. A worker runs one call at a time; the pool terminates it on a timeout, which is how an infinite loop
 * ends without touching the main thread (signals, the journal and the other cells carry on).
 */
import { expressionBody } from '../assert/index.js';

/** Worker source: `(output, context)` calls on request, answers `{id, ok, value | error}`. */
export function checkWorkerSource(): string {
  // The body template is built here from the same function the suite loader uses to parse expressions.
  const bodyPrefix = JSON.stringify(expressionBody('\u0000').split('\u0000')[0]);
  const bodySuffix = JSON.stringify(expressionBody('\u0000').split('\u0000')[1]);
  return `
const { parentPort } = require('node:worker_threads');
const { pathToFileURL, fileURLToPath } = require('node:url');
const { resolve, relative } = require('node:path');
const AsyncFunction = (async () => undefined).constructor;
const expressions = new Map();

async function functionOf(source) {
  if ('expression' in source) {
    let fn = expressions.get(source.expression);
    if (!fn) {
      fn = new AsyncFunction('output', 'context', ${bodyPrefix} + source.expression + ${bodySuffix});
      expressions.set(source.expression, fn);
    }
    return fn;
  }
  const module = await import(pathToFileURL(resolve(source.file)).href);
  const fn = source.function === null ? module.default : module[source.function];
  if (typeof fn !== 'function') {
    const name = source.function === null ? 'a default export' : 'a function "' + source.function + '"';
    throw Object.assign(new Error(source.file + ' has no ' + name), { isLoadProblem: true });
  }
  return fn;
}

// The first frame in user code: a module file (shown relative to the working directory) or the expression.
function whereThrown(error) {
  const stack = typeof error?.stack === 'string' ? error.stack : '';
  for (const line of stack.split('\\n').slice(1)) {
    const file = /(file:\\/\\/[^\\s)]+?):(\\d+):\\d+\\)?$/.exec(line);
    if (file) {
      const path = fileURLToPath(file[1]);
      const shown = relative(process.cwd(), path);
      return (shown.startsWith('..') ? path : shown) + ':' + file[2];
    }
    const inline = /<anonymous>:(\\d+):\\d+\\)?$/.exec(line);
    if (inline && line.includes('eval at')) return 'the expression, line ' + Math.max(1, Number(inline[1]) - 2);
  }
  return null;
}

function describeThrow(error) {
  if (error?.isLoadProblem) return 'could not run: ' + error.message;
  const message = error instanceof Error ? error.name + ': ' + error.message : 'threw ' + JSON.stringify(error);
  const where = whereThrown(error);
  return 'threw ' + message.split('\\n')[0] + (where ? ' (at ' + where + ')' : '');
}

parentPort.on('message', async ({ id, source, output, context }) => {
  let reply;
  try {
    const fn = await functionOf(source);
    reply = { id, ok: true, value: await fn(output, context) };
  } catch (error) {
    reply = { id, ok: false, error: describeThrow(error) };
  }
  try {
    parentPort.postMessage(reply);
  } catch {
    const kind = typeof reply.value === 'function' ? 'a function' : 'a value';
    parentPort.postMessage({ id, ok: false, error: 'returned ' + kind + ' that cannot be copied out of the worker' });
  }
});
`;
}
