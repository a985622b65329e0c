/**
 * JSON Schema validation with ajv. Compiling a schema is the expensive part, so validators are cached by the
 * schema's JSON text rather than by object identity: templating hands every cell a fresh copy of the spec,
 * so an identity (WeakMap) cache would miss on every cell.
 *
 * ajv is loaded on the first compile, not at import: loading it and building its two instances (each compiles
 * its meta-schemas) costs ~100 ms, and every command imports the assertion registry while few suites use
 * `json-schema`. ajv is CommonJS, so a `require` from `createRequire` loads it synchronously, keeping
 * `compileJsonSchema` synchronous for the suite schema's refinement.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { BlockingMatcher } from '../pattern/index.js';

/** Cached validators kept at most; the cache is cleared when full. @default 256 */
const CACHE_LIMIT = 256;

/** Error lines kept in a reason before "(+n more)". @default 3 */
const ERRORS_SHOWN = 3;

/**
 * A few common `format`s, checked by shape. ajv knows no formats by itself and the full `ajv-formats` is a
 * dependency we do not need for this; unlisted formats are ignored, as the JSON Schema spec allows.
 */
const FORMATS: Record<string, RegExp | ((text: string) => boolean)> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  time: /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i,
  'date-time': /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[t ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i,
  email: /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/,
  uri: (text) => /^[a-z][a-z\d+.-]*:/i.test(text) && URL.canParse(text),
  uuid: /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i,
  ipv4: /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
};

/**
 * `strict: false` because users paste schemas written for other tools (OpenAPI's `example`, `nullable`), and
 * JSON Schema itself says unknown keywords are ignored; `logger: false` keeps ajv from writing to the console.
 */
function createAjv<T extends Ajv | Ajv2020>(instance: T): T {
  for (const [name, format] of Object.entries(FORMATS)) instance.addFormat(name, format);
  return instance;
}

/**
 * Schema `pattern`s come from the suite, and a backtracking one would block the process with no way out (ajv
 * tests them synchronously): they run in a worker with the regex time limit, and one that overruns it throws,
 * which errors the assertion (see `BlockingMatcher`).
 */
const patterns = new BlockingMatcher();
const options = { allErrors: true, strict: false, logger: false, code: { regExp: patterns.engine() } } as const;
let engines: { draft7: Ajv; draft2020: Ajv2020 } | null = null;
const cache = new Map<string, ValidateFunction>();

/** The two ajv instances, created on first use. */
function loadEngines(): { draft7: Ajv; draft2020: Ajv2020 } {
  if (engines) return engines;
  const require = createRequire(import.meta.url);
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const { Ajv2020: Ajv2020Class } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  engines = { draft7: createAjv(new AjvClass(options)), draft2020: createAjv(new Ajv2020Class(options)) };
  return engines;
}

/** Compiles (or fetches) the validator of `schema`; throws ajv's error when the schema itself is invalid. */
export function compileJsonSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = cache.get(key);
  if (cached) return cached;
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const { draft7, draft2020 } = loadEngines();
  const engine = /2020-12|2019-09/.test(declared) ? draft2020 : draft7;
  const validate = engine.compile(schema);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, validate);
  return validate;
}

/** Why a schema cannot be compiled, or undefined when it can; for validating suites before a run. */
export function jsonSchemaProblem(schema: Record<string, unknown>): string | undefined {
  try {
    compileJsonSchema(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** ajv errors as one phrase: `/age must be integer; (root) must have required property 'email' (+1 more)`. */
export function describeSchemaErrors(errors: readonly ErrorObject[]): string {
  const lines = errors.slice(0, ERRORS_SHOWN).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
  const more = errors.length > ERRORS_SHOWN ? ` (+${errors.length - ERRORS_SHOWN} more)` : '';
  return `${lines.join('; ')}${more}`;
}
