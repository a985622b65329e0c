/** Compares a baseline run with a new run, cell by cell. Pure: the caller reads the files. */
import type { RunMeta } from '../run/index.js';
import { optionRef, UsageError } from '../errors.js';
import type { CompareCell } from './compare-cell.js';
import { compareGroup } from './compare-group.js';
import type { CellPair } from './compare-group.js';
import { COMPARE_REPORT_VERSION } from './compare-report.js';
import type {
  CompareOptions,
  CompareReport,
  ErroredPair,
  Flip,
  ProviderDrift,
  RunSide,
  UnmatchedCell,
} from './compare-report.js';
import { diffWords, formatWordDiff } from './diff.js';
import { assertComparableRuns, checkCoverage } from './gate.js';
import { DEFAULT_MIN_COVERAGE } from './defaults.js';
import { endpointOf } from '../wire/index.js';
import { decideVerdicts, worstVerdict } from './verdict.js';
import { DEFAULT_ALPHA, DEFAULT_MAX_DROP } from './defaults.js';

/** One side of a comparison: its run metadata and its cells (any order; a repeated id keeps the last). */
export interface CompareInput {
  meta: RunMeta;
  cells: Iterable<CompareCell>;
  /** Where the side was read from, for the resume command of an unfinished run. @default null */
  path?: string | null;
}

/**
 * Matches cells by id and compares pass rates, scores, latency, tokens, cost and provider fingerprints per
 * model and overall. Cells present on one side only are listed, never silently dropped; a changed suite or
 * plan is reported as a note (comparing across suite edits is allowed: only matched cells are tested).
 * Refuses (`CompareRefusedError`) what it cannot judge: see gate.ts.
 */
export function compareRunRecords(base: CompareInput, head: CompareInput, options: CompareOptions = {}): CompareReport {
  const { alpha, maxDrop, ...gate } = resolveCompareOptions(options);

  const baseById = new Map<string, CompareCell>();
  for (const cell of base.cells) baseById.set(cell.id, cell);
  const headById = new Map<string, CompareCell>();
  for (const cell of head.cells) headById.set(cell.id, cell);

  const pairsByModel = new Map<string, CellPair[]>();
  const allPairs: CellPair[] = [];
  const onlyInHead: UnmatchedCell[] = [];
  for (const cell of headById.values()) {
    const match = baseById.get(cell.id);
    if (!match) {
      onlyInHead.push(unmatched(cell));
      continue;
    }
    const pair = { base: match, head: cell };
    allPairs.push(pair);
    const group = pairsByModel.get(cell.model);
    if (group) group.push(pair);
    else pairsByModel.set(cell.model, [pair]);
  }
  const onlyInBase: UnmatchedCell[] = [];
  for (const cell of baseById.values()) if (!headById.has(cell.id)) onlyInBase.push(unmatched(cell));
  assertComparableRuns({ meta: base.meta, path: base.path ?? null, cells: baseById.size }, { meta: head.meta, path: head.path ?? null, cells: headById.size }, gate);
  const coverage = checkCoverage(allPairs.length, baseById.size, gate);

  const overall = compareGroup(null, allPairs);
  const baseProviders = providerSetsOf(baseById.values());
  const headProviders = providerSetsOf(headById.values());
  const models = [...pairsByModel.keys()].sort(bySuiteOrder(head.meta.models ?? [])).map((model) => {
    const group = compareGroup(model, pairsByModel.get(model) ?? []);
    group.drift = driftOf(baseProviders.get(model), headProviders.get(model));
    return group;
  });
  decideVerdicts(overall, models, alpha, maxDrop);

  allPairs.sort((x, y) => x.head.index - y.head.index || byText(x.head.id, y.head.id));
  return {
    version: COMPARE_REPORT_VERSION,
    base: sideOf(base.meta, baseById.size),
    head: sideOf(head.meta, headById.size),
    options: { alpha, maxDrop, ...gate },
    verdict: worstVerdict([overall.verdict, ...models.map((group) => group.verdict)]),
    coverage,
    drift: driftLinesOf(base.meta, head.meta, models),
    notes: notesOf(base.meta, head.meta),
    overall,
    models,
    flips: allPairs.filter(isFlip).map(flipOf),
    errored: allPairs.filter(isErrored).map(erroredOf),
    onlyInBase: onlyInBase.sort(byIndex),
    onlyInHead: onlyInHead.sort(byIndex),
  };
}

/** The options with their defaults, validated; `run --baseline` calls this before any request. */
export function resolveCompareOptions(options: CompareOptions = {}): Required<CompareOptions> {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const maxDrop = options.maxDrop ?? DEFAULT_MAX_DROP;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  if (!(alpha > 0 && alpha < 1)) throw new UsageError(`invalid ${optionRef('alpha')} ${alpha}: expected a number between 0 and 1`);
  if (!(maxDrop >= 0 && maxDrop <= 1)) throw new UsageError(`invalid ${optionRef('maxDrop')} ${maxDrop}: expected a number from 0 to 1`);
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new UsageError(`invalid ${optionRef('minCoverage')} ${minCoverage}: expected a number from 0 to 1`);
  return { alpha, maxDrop, minCoverage, allowPartial: options.allowPartial ?? false, allowEndpointChange: options.allowEndpointChange ?? false };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byIndex(a: UnmatchedCell, b: UnmatchedCell): number {
  return a.index - b.index || byText(a.id, b.id);
}

function unmatched(cell: CompareCell): UnmatchedCell {
  return { id: cell.id, index: cell.index, model: cell.model };
}

function sideOf(meta: RunMeta, cells: number): RunSide {
  return {
    suite: meta.suite.name,
    suiteHash: meta.suite.hash,
    planHash: meta.planHash,
    startedAt: meta.startedAt,
    cells,
    endpoint: endpointOf(meta.baseUrl),
  };
}

/**
 * Changes under the prompts that can explain a difference on their own: another endpoint, or a model label now
 * served by another snapshot (`gpt-4o-2024-08-06` -> `gpt-4o-2024-11-20`). Fingerprint-only drift stays in the
 * per-model table: fingerprints change with routine backend deploys.
 */
function driftLinesOf(base: RunMeta, head: RunMeta, models: { model: string | null; drift: ProviderDrift | null }[]): string[] {
  const lines: string[] = [];
  if (base.baseUrl !== head.baseUrl) lines.push(`endpoint changed: base ${base.baseUrl}, head ${head.baseUrl}`);
  for (const group of models) {
    const served = group.drift?.servedModels;
    if (!served || sameList(served.base, served.head)) continue;
    const list = (values: string[]) => (values.length === 0 ? '(none)' : values.join(', '));
    lines.push(`${group.model}: served model ${list(served.base)} -> ${list(served.head)}`);
  }
  return lines;
}

/** Notes on differences that make the comparison partial but not invalid. */
function notesOf(base: RunMeta, head: RunMeta): string[] {
  const notes: string[] = [];
  if (base.suite.name !== head.suite.name) {
    notes.push(`suite name differs: base "${base.suite.name}", head "${head.suite.name}"`);
  }
  if (base.suite.hash !== head.suite.hash) {
    notes.push(`suite hash differs: base ${short(base.suite.hash)}, head ${short(head.suite.hash)} (the suite changed)`);
  }
  if (base.planHash !== head.planHash) {
    notes.push(`plan hash differs: base ${short(base.planHash)}, head ${short(head.planHash)}; only matched cells are tested`);
  }
  return notes;
}

function short(hash: string): string {
  return hash.length > 12 ? hash.slice(0, 12) : hash;
}

/**
 * The report with its flips rebuilt from full cells: a caller that compared slim cells (`toSlimCompareCell`,
 * no output and no reasons, which the statistics do not use) reads the few flipped cells in full and passes
 * them here by id. A flip whose cells are not given keeps what it had.
 */
export function withFlipDetails(report: CompareReport, base: ReadonlyMap<string, CompareCell>, head: ReadonlyMap<string, CompareCell>): CompareReport {
  const flips = report.flips.map((flip) => {
    const pair = { base: base.get(flip.id), head: head.get(flip.id) };
    return pair.base && pair.head ? flipOf(pair as CellPair) : flip;
  });
  return { ...report, flips };
}

function isFlip(pair: CellPair): boolean {
  return pair.base.pass !== null && pair.head.pass !== null && pair.base.pass !== pair.head.pass;
}

function flipOf({ base, head }: CellPair): Flip {
  return {
    id: head.id,
    index: head.index,
    prompt: head.prompt,
    case: head.case,
    model: head.model,
    repeat: head.repeat,
    direction: base.pass ? 'pass-to-fail' : 'fail-to-pass',
    base: { pass: base.pass === true, failedReasons: base.failedReasons },
    head: { pass: head.pass === true, failedReasons: head.failedReasons },
    diff: formatWordDiff(diffWords(base.output ?? '', head.output ?? '')),
  };
}

function isErrored(pair: CellPair): boolean {
  return pair.base.pass === null || pair.head.pass === null;
}

function erroredOf({ base, head }: CellPair): ErroredPair {
  return {
    id: head.id,
    index: head.index,
    model: head.model,
    baseError: base.pass === null ? (base.errorCode ?? 'unscored') : null,
    headError: head.pass === null ? (head.errorCode ?? 'unscored') : null,
  };
}

/** Models in the suite's order (run.json lists them so), as every other report shows them; unknown ones last. */
function bySuiteOrder(suiteModels: readonly string[]): (a: string, b: string) => number {
  const rank = (model: string) => {
    const index = suiteModels.indexOf(model);
    return index === -1 ? suiteModels.length : index;
  };
  return (a, b) => rank(a) - rank(b) || byText(a, b);
}

/** Fingerprints and served models seen for one model on one side. */
interface ProviderSets {
  fingerprints: Set<string>;
  servedModels: Set<string>;
}

/** Collects the provider sets of every model of one side in one pass (all its cells, matched or not). */
function providerSetsOf(cells: Iterable<CompareCell>): Map<string, ProviderSets> {
  const byModel = new Map<string, ProviderSets>();
  for (const cell of cells) {
    let sets = byModel.get(cell.model);
    if (!sets) byModel.set(cell.model, (sets = { fingerprints: new Set(), servedModels: new Set() }));
    if (cell.systemFingerprint !== null) sets.fingerprints.add(cell.systemFingerprint);
    if (cell.servedModel !== null) sets.servedModels.add(cell.servedModel);
  }
  return byModel;
}

/** A change in either set between the sides is provider drift: the same label now reaches another backend. */
function driftOf(base: ProviderSets | undefined, head: ProviderSets | undefined): ProviderDrift {
  const fingerprints = { base: sorted(base?.fingerprints), head: sorted(head?.fingerprints) };
  const servedModels = { base: sorted(base?.servedModels), head: sorted(head?.servedModels) };
  const isChanged =
    !sameList(fingerprints.base, fingerprints.head) || !sameList(servedModels.base, servedModels.head);
  return { isChanged, fingerprints, servedModels };
}

function sorted(values: Set<string> | undefined): string[] {
  return values ? [...values].sort(byText) : [];
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
