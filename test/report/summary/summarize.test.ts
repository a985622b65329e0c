import { describe, expect, test } from 'vitest';
import type { CellRecord, GraderCall } from '../../../src/run/index.js';
import { SummaryBuilder } from '../../../src/report/index.js';
import { indexed, makeAssertion, makeCell, makeErroredCell, makeMeta } from '../records.js';

function summarize(cells: CellRecord[], models = ['mini', 'big'], expected = cells.length) {
  const builder = new SummaryBuilder(makeMeta({ models, cells: expected }));
  for (const cell of indexed(cells)) builder.add(cell);
  return builder.finish().summary;
}

const grader = (overrides: Partial<GraderCall> = {}): GraderCall => ({
  model: 'judge',
  requestHash: 'g',
  cached: false,
  usage: { promptTokens: 100, completionTokens: 10, totalTokens: 110 },
  cost: 0.01,
  latencyMs: 500,
  error: null,
  ...overrides,
});

describe('SummaryBuilder', () => {
  test('adds up what was spent, answers and grading apart, with what the cache served free', () => {
    const summary = summarize([
      makeCell({ cost: 0.001, graderCalls: [grader({ cost: 0.0002 }), grader({ cached: true, cost: 0.5 })] }),
      makeCell({ case: 'spain', cached: true, cost: 0.5, graderCalls: [grader({ cost: 0.0003 })] }),
      makeErroredCell({ case: 'italy' }),
    ]);
    expect(summary.spend).toEqual({ answers: 0.001, graders: 0.0005, total: 0.0015 });
    // The cost column stays what the answers cost, cached or not; graders.cost what every grader call cost.
    expect(summary.cost).toBeCloseTo(0.501, 10);
    expect(summary.graders.cost).toBeCloseTo(0.5005, 10);
  });

  test('spends null without pricing, and null grading beside priced answers when no grader call was priced', () => {
    expect(summarize([makeCell({ cost: null })]).spend).toEqual({ answers: null, graders: null, total: null });
    expect(summarize([makeCell({ cost: 0.002, graderCalls: [grader({ cost: null })] })]).spend).toEqual({ answers: 0.002, graders: null, total: 0.002 });
  });

  test('orders models as run.json lists them and leaves out models without cells', () => {
    const summary = summarize([makeCell({ model: 'big' }), makeCell({ model: 'extra' })], ['mini', 'big']);
    expect(summary.models.map((model) => model.model)).toEqual(['big', 'extra']);
  });

  test('keeps a model without records in the table and says the run is unfinished when cells are missing', () => {
    const summary = summarize([makeCell({ model: 'big' })], ['mini', 'big'], 4);
    expect(summary).toMatchObject({ complete: false, missingCells: 3 });
    expect(summary.models.map((model) => [model.model, model.cells])).toEqual([['mini', 0], ['big', 1]]);
  });

  test('computes percentiles from answered cells only', () => {
    const latencies = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    const cells = latencies.map((latencyMs, repeat) => makeCell({ repeat, latencyMs }));
    const summary = summarize([...cells, makeErroredCell({ repeat: 10, latencyMs: 99999 })]);
    expect(summary.models[0]).toMatchObject({ latencyP50Ms: 500, latencyP95Ms: 1000 });
  });

  test('sums tokens, cost, cache hits and attempts', () => {
    const summary = summarize([makeCell({ cached: true, cost: 0.25 }), makeCell({ model: 'big', attempts: 3, cost: 0.5 }), makeErroredCell({ case: 'x' })]);
    expect(summary).toMatchObject({ promptTokens: 20, completionTokens: 10, totalTokens: 30, cost: 0.75, cached: 1, attempts: 7 });
  });

  test('reports no cost when no cell had one', () => {
    const summary = summarize([makeCell({ cost: null })]);
    expect(summary.cost).toBeNull();
    expect(summary.models[0].cost).toBeNull();
  });

  test('averages metric scores per model and over the run with sorted names', () => {
    const summary = summarize([
      makeCell({ assertions: [makeAssertion(true, { metric: 'tone' }), makeAssertion(true, { metric: 'accuracy' })] }),
      makeCell({ model: 'big', pass: false, assertions: [makeAssertion(false, { metric: 'accuracy', score: 0.25 })] }),
      makeErroredCell({ case: 'x', assertions: [makeAssertion(false, { metric: 'accuracy' })] }),
    ]);
    expect(Object.keys(summary.metrics)).toEqual(['accuracy', 'tone']);
    expect(summary.metrics).toEqual({ accuracy: 0.625, tone: 1 });
    expect(summary.models[1].metrics).toEqual({ accuracy: 0.25 });
  });

  test('counts grader calls apart from the models', () => {
    const summary = summarize([makeCell({ graderCalls: [grader(), grader({ cached: true, cost: null }), grader({ error: 'bad json', usage: null })] })]);
    expect(summary.graders).toEqual({ calls: 3, cached: 1, errors: 1, totalTokens: 220, cost: 0.02 });
    expect(summary.totalTokens).toBe(15);
  });

  test('gives rates and intervals over scored cells only', () => {
    const summary = summarize([makeCell(), makeCell({ repeat: 1, pass: false }), makeErroredCell({ repeat: 2 })]);
    expect(summary).toMatchObject({ passed: 1, failed: 1, errored: 1, passRate: 0.5, meanScore: 0.5 });
    expect(summary.passRateInterval!.low).toBeCloseTo(0.09453120573423074, 12);
  });

  test('keeps means of scores that add up past one by rounding inside 0..1', () => {
    const cells = Array.from({ length: 10 }, (_, repeat) => makeCell({ repeat, score: 0.1 * 10 }));
    expect(summarize(cells).meanScore).toBeLessThanOrEqual(1);
  });
});
