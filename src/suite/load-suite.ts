/**
 * Loads a suite: YAML -> zod validation -> files read -> ids, models and templates checked -> `Suite`.
 * Every problem of a file is collected and thrown at once as one `SuiteError`, in source order.
 */
import { LineCounter, parseDocument } from 'yaml';
import { SuiteError, type SourceIssue } from '../errors.js';
import type { AssertionSpec } from '../assert/index.js';
import { inlineAssertionFiles } from './assertion-files.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import { resolveCheckFiles } from './check-files.js';
import { checkEmptyRenders } from './check-empty-renders.js';
import { checkTemplates } from './check-templates.js';
import { createPositionFinder, yamlSyntaxIssues, type PositionFinder } from './positions.js';
import { resolveCases } from './resolve-cases.js';
import { resolvePrompts } from './resolve-prompts.js';
import { suiteFileSchema, type SuiteFile } from './schema.js';
import { SourceFiles, type SourceFileOptions } from './source-files.js';
import { depthExceeds } from './value-depth.js';
import type { ModelSpec, Suite } from './types.js';
import { loadImages } from './image-files.js';
import { inlineToolFiles, toolList } from './tool-files.js';
import { didYouMean } from '../suggest.js';
import { toSourceIssues } from './zod-issues.js';

/** Options of `loadSuite`: how referenced files may be read. */
export type LoadSuiteOptions = SourceFileOptions;

/** Deepest nesting of a suite or data value: deeper ones would overflow the stack of the plan's hashing. */
export const MAX_VALUE_DEPTH = 64;

/** Loads and validates one suite file; throws `SuiteError` (exit 2) listing every problem. */
export function loadSuite(path: string, options: LoadSuiteOptions = {}): Suite {
  const files = new SourceFiles(path, options);
  const issues: SourceIssue[] = [];
  const read = files.readSuite(issues);
  // A missing suite is named at the start of the line already, so "file not found: <path>" loses its path.
  if (!read) throw new SuiteError(issues.map((issue) => (issue.line > 0 ? issue : { ...issue, message: issue.message.replace(/: .*$/, '') })));

  const lineCounter = new LineCounter();
  const document = parseDocument(read.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new SuiteError(yamlSyntaxIssues(path, document.errors, lineCounter));
  }
  const positions = createPositionFinder(path, document, lineCounter);
  let raw: unknown;
  try {
    // maxAliasCount bounds the expansion: a 1 MB file of nested aliases would otherwise expand to gigabytes.
    raw = document.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (error) {
    throw new SuiteError([{ file: path, line: 1, column: 1, path: '', message: `yaml aliases: ${(error as Error).message.toLowerCase()}; expand fewer aliases` }]);
  }
  if (depthExceeds(raw, MAX_VALUE_DEPTH)) {
    throw new SuiteError([{ file: path, line: 1, column: 1, path: '', message: `nested deeper than ${MAX_VALUE_DEPTH} levels` }]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SuiteError([{ file: path, line: 1, column: 1, path: '', message: 'expected a mapping with name, models, prompts and cases' }]);
  }

  inlineAssertionFiles(raw, files, positions, issues);
  inlineToolFiles(raw, files, positions, issues);
  resolveCheckFiles(raw, files, positions, issues);
  const parsed = suiteFileSchema.safeParse(raw);
  if (!parsed.success) throw new SuiteError([...issues, ...toSourceIssues(parsed.error.issues, raw, positions)]);
  const suiteFile = parsed.data;

  const models = resolveModels(suiteFile, positions, issues);
  checkPairwiseModels(suiteFile, models, positions, issues);
  const prompts = resolvePrompts(suiteFile, files, positions, issues);
  const cases = resolveCases(suiteFile, files, positions, issues);
  const suiteAssert = (suiteFile.assert ?? []) as AssertionSpec[];
  if (issues.length === 0) issues.push(...checkTemplates(prompts, cases, suiteAssert, suiteAssert.map((_, index) => positions.at(['assert', index]))));
  const images = issues.length === 0 ? loadImages(prompts, cases, files, issues) : new Map();
  if (issues.length > 0) throw new SuiteError(issues);

  return {
    path,
    hash: sha256Hex(canonicalJson(files.texts)),
    name: suiteFile.name,
    description: suiteFile.description ?? null,
    models,
    defaults: suiteFile.defaults ?? {},
    prompts,
    cases,
    assert: suiteAssert,
    tools: toolList(suiteFile.tools),
    maxToolRounds: suiteFile.max_tool_rounds ?? DEFAULT_MAX_TOOL_ROUNDS,
    threshold: suiteFile.threshold ?? null,
    repeat: suiteFile.repeat ?? 1,
    seed: suiteFile.seed ?? 0,
    images,
    pricing: suiteFile.pricing ?? {},
    grader: { model: suiteFile.grader?.model ?? null, params: suiteFile.grader?.params ?? {} },
    pairwise: suiteFile.pairwise ?? null,
    warnings: checkEmptyRenders(prompts, cases),
  };
}

/** Tool-result round trips per turn when the suite does not say. */
export const DEFAULT_MAX_TOOL_ROUNDS = 5;

/** Pairwise `models` and `reference` must name model labels of the suite. */
function checkPairwiseModels(file: SuiteFile, models: ModelSpec[], positions: PositionFinder, issues: SourceIssue[]): void {
  const pairwise = file.pairwise;
  if (!pairwise) return;
  const labels = models.map((model) => model.label);
  const check = (label: string, path: PropertyKey[]) => {
    if (labels.includes(label)) return;
    issues.push({ ...positions.at(path), path: path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${String(step)}`)).join('').slice(1), message: `unknown model "${label}"${didYouMean(label, labels)}: the suite has ${labels.join(', ')}` });
  };
  if (pairwise.models !== 'all') pairwise.models.forEach((label, index) => check(label, ['pairwise', 'models', index]));
  if (pairwise.reference !== undefined) {
    check(pairwise.reference, ['pairwise', 'reference']);
    const compared = pairwise.models === 'all' ? labels : pairwise.models;
    if (labels.includes(pairwise.reference) && !compared.includes(pairwise.reference)) {
      issues.push({ ...positions.at(['pairwise', 'reference']), path: 'pairwise.reference', message: `reference "${pairwise.reference}" is not one of pairwise.models` });
    }
  }
}

/** Models with labels; two entries with the same label are an error (give one a `label`). */
function resolveModels(file: SuiteFile, positions: PositionFinder, issues: SourceIssue[]): ModelSpec[] {
  const seen = new Map<string, number>();
  const models: ModelSpec[] = [];
  file.models.forEach((entry, index) => {
    const model: ModelSpec =
      typeof entry === 'string'
        ? { id: entry, label: entry, params: {}, omit: [], tools: [], concurrency: null, rpm: null, tpm: null }
        : {
            id: entry.id,
            label: entry.label ?? entry.id,
            params: entry.params ?? {},
            omit: entry.omit ?? [],
            tools: toolList(entry.tools),
            concurrency: entry.concurrency ?? null,
            rpm: entry.rpm ?? null,
            tpm: entry.tpm ?? null,
          };
    const previous = seen.get(model.label);
    if (previous !== undefined) {
      issues.push({
        ...positions.at(['models', index]),
        path: `models[${index}]`,
        message: `duplicate model label "${model.label}" (also models[${previous}]): give one of them a distinct "label"`,
      });
      return;
    }
    seen.set(model.label, index);
    models.push(model);
  });
  return models;
}

/**
 * Loads several suites, collecting every file's problems into one error. Two suites with one `name` would share
 * a run directory, so that is a problem too, found here before any request.
 */
export function loadSuites(paths: string[], options: LoadSuiteOptions = {}): Suite[] {
  const suites: Suite[] = [];
  const issues: SourceIssue[] = [];
  const names = new Map<string, string>();
  for (const path of paths) {
    try {
      const suite = loadSuite(path, options);
      const other = names.get(suite.name);
      if (other !== undefined) issues.push({ file: path, line: 0, column: 0, path: 'name', message: `duplicate suite name "${suite.name}" (also ${other}): their runs would share a directory; rename one` });
      names.set(suite.name, path);
      suites.push(suite);
    } catch (error) {
      if (error instanceof SuiteError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0) throw new SuiteError(issues);
  return suites;
}
