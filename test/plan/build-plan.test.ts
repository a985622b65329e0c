import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildPlan, SEED_LIMIT, type Cell, type Plan, type PlanOptions } from '../../src/plan/index.js';
import { canonicalJson, loadSuite, type Suite } from '../../src/suite/index.js';
import { fixturePath, writeTempFiles } from '../suite/suite-fixture.js';

const orderA = loadSuite(fixturePath('order-a.yaml'));
const orderB = loadSuite(fixturePath('order-b.yaml'));

function allCells(plan: Plan): Cell[] {
  return [...plan.cells()];
}

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe('OTE_USAGE');
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('buildPlan counts', () => {
  it.each([
    { name: 'capitals.yaml', suite: () => loadSuite(join('suites', 'capitals.yaml')), options: {}, cells: 1 * 10 * 3 * 1 },
    { name: 'extract-contacts.yaml', suite: () => loadSuite(join('suites', 'extract-contacts.yaml')), options: {}, cells: 1 * 5 * 2 * 1 },
    { name: 'model-compare.yaml', suite: () => loadSuite(join('suites', 'model-compare.yaml')), options: {}, cells: 1 * 3 * 3 * 1 },
    { name: 'order-a.yaml', suite: () => orderA, options: {}, cells: 2 * 5 * 3 * 2 },
    { name: 'order-a.yaml with --repeat 3', suite: () => orderA, options: { repeat: 3 }, cells: 2 * 5 * 3 * 3 },
    { name: 'order-a.yaml with two models', suite: () => orderA, options: { models: ['gpt-4o', 'mini-search'] }, cells: 2 * 5 * 2 * 2 },
    { name: 'order-a.yaml filtered to one prompt', suite: () => orderA, options: { filter: 'capital/*' }, cells: 1 * 5 * 3 * 2 },
    { name: 'order-a.yaml filtered to two cases', suite: () => orderA, options: { filter: '*/{japan,peru}' }, cells: 2 * 2 * 3 * 2 },
  ])('plans prompts × cases × models × repeats cells for $name', ({ suite, options, cells }) => {
    const plan = buildPlan(suite(), options as PlanOptions);
    expect(plan.totalCells).toBe(cells);
    expect(plan.cellCount).toBe(cells);
    expect(allCells(plan)).toHaveLength(cells);
  });
});

describe('buildPlan order and ids', () => {
  it('orders cells prompt, case, repeat, then model innermost', () => {
    const plan = buildPlan(orderA);
    const keys = allCells(plan).map((cell) => `${cell.prompt}|${cell.case}|${cell.repeat}|${cell.model}`);
    const expected: string[] = [];
    for (const prompt of orderA.prompts) {
      for (const spec of orderA.cases) {
        for (let repeat = 0; repeat < 2; repeat++) for (const model of orderA.models) expected.push(`${prompt.id}|${spec.id}|${repeat}|${model.label}`);
      }
    }
    expect(keys).toEqual(expected);
    expect(allCells(plan).map((cell) => cell.index)).toEqual(expected.map((_, index) => index));
  });

  it('gives the same plan on every build', () => {
    const first = buildPlan(orderA);
    const second = buildPlan(loadSuite(fixturePath('order-a.yaml')));
    expect(second.hash).toBe(first.hash);
    expect(allCells(second)).toEqual(allCells(first));
  });

  it('keeps ids, requests, seeds and assertions of every cell when prompts and cases are reordered', () => {
    const byId = (plan: Plan) => new Map(allCells(plan).map((cell) => [cell.id, { request: cell.requestKey, seed: cell.seed, assertions: cell.assertions }]));
    const a = byId(buildPlan(orderA));
    const b = byId(buildPlan(orderB));
    expect(a.size).toBe(60);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [id, cell] of a) expect(b.get(id), id).toEqual(cell);
  });

  it('builds ids as prompt/case/model#repeat', () => {
    const ids = allCells(buildPlan(orderA, { filter: 'capital/japan' })).map((cell) => cell.id);
    expect(ids).toEqual([
      'capital/japan/gpt-4o-mini#0', 'capital/japan/mini-search#0', 'capital/japan/gpt-4o#0',
      'capital/japan/gpt-4o-mini#1', 'capital/japan/mini-search#1', 'capital/japan/gpt-4o#1',
    ]);
  });

  it('returns from cellAt the same cell the iteration yields', () => {
    const plan = buildPlan(orderA);
    for (const cell of plan.cells()) expect(plan.cellAt(cell.index)).toEqual(cell);
  });
});

describe('buildPlan requests', () => {
  const plan = buildPlan(orderA, { filter: 'capital/japan' });
  const cellOf = (model: string, repeat = 0) => allCells(plan).find((cell) => cell.model === model && cell.repeat === repeat)!;

  it('renders the prompt and merges defaults under model params', () => {
    expect(cellOf('gpt-4o-mini').request).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Capital of Japan?' }],
      max_tokens: 20,
      seed: cellOf('gpt-4o-mini').seed,
      temperature: 0,
    });
    expect(cellOf('gpt-4o').request).toMatchObject({ model: 'gpt-4o', temperature: 0.7, max_tokens: 99 });
  });

  it('leaves out every parameter a model omits, and gives it a null seed when seed is omitted', () => {
    const search = cellOf('mini-search');
    expect(search.modelId).toBe('gpt-4o-mini-search-preview');
    expect(search.request).toEqual({
      model: 'gpt-4o-mini-search-preview',
      messages: [{ role: 'user', content: 'Capital of Japan?' }],
      max_tokens: 20,
      web_search_options: {},
    });
    expect(search.seed).toBeNull();
  });

  it('keeps request keys in a stable order and the request key canonical', () => {
    const cell = cellOf('gpt-4o');
    expect(Object.keys(cell.request)).toEqual(['model', 'messages', 'max_tokens', 'seed', 'temperature']);
    expect(cell.requestKey).toBe(JSON.stringify({ max_tokens: 99, messages: [{ content: 'Capital of Japan?', role: 'user' }], model: 'gpt-4o', seed: cell.seed, temperature: 0.7 }));
  });

  it('makes every request key the canonical JSON of its request, whatever the parameters', () => {
    const odd: Suite = {
      ...orderA,
      defaults: { ...orderA.defaults, stop: ['\n', '"'], response_format: { type: 'json_object', b: [1, { z: 1, a: null }] }, zeta: 'é' },
      models: [...orderA.models, { id: 'shadow', label: 'shadow', params: { model: 'other', messages: 'x' }, omit: [], tools: [], concurrency: null, rpm: null, tpm: null }],
    };
    for (const cell of buildPlan(odd).cells()) expect(cell.requestKey, cell.id).toBe(canonicalJson(cell.request));
  });

  it('hashes exactly the ids and request keys of its cells, omitted seeds and shadowing parameters included', () => {
    const odd: Suite = {
      ...orderA,
      defaults: { ...orderA.defaults, stop: ['\n'], zeta: 'é' },
      models: [...orderA.models, { id: 'shadow', label: 'shadow', params: { model: 'other', messages: 'x' }, omit: ['seed'], tools: [], concurrency: null, rpm: null, tpm: null }],
    };
    const plan = buildPlan(odd, { repeat: 2 });
    const expected = createHash('sha256');
    for (const cell of plan.cells()) expected.update(`${cell.id}\0${cell.requestKey}\n`);
    expect(plan.hash).toBe(expected.digest('hex'));
  });

  it('renders case variables into assertion values and keeps the suite, prompt and case assertions in that order', () => {
    const contacts = buildPlan(loadSuite(join('suites', 'extract-contacts.yaml')), { filter: '*/ana' });
    const cell = allCells(contacts)[0]!;
    expect(cell.assertions.filter((spec) => spec.type === 'json-path')).toEqual([
      { type: 'json-path', path: '$.email', value: 'ana.silva@example.com', metric: 'fields' },
      { type: 'json-path', path: '$.name', value: 'Ana Silva', metric: 'fields' },
    ]);
    const extract = allCells(buildPlan(orderA, { filter: 'extract/*', models: ['gpt-4o'] })).find((c) => c.vars.country === 'Chile')!;
    expect(extract.assertions).toEqual([
      { type: 'length', max: 100 },
      { type: 'json-path', path: '$.email', value: 'luis@example.cl' },
      { type: 'icontains', value: 'Santiago' },
    ]);
    expect(extract.position).toMatchObject({ file: join('test', 'fixtures', 'suites', 'data', 'order-rows.csv'), line: 2 });
  });

  it('does not change the suite when rendering assertions', () => {
    const before = JSON.stringify(orderA);
    allCells(buildPlan(orderA));
    expect(JSON.stringify(orderA)).toBe(before);
  });
});

describe('buildPlan seeds', () => {
  const cells = allCells(buildPlan(orderA));
  const seeded = cells.filter((cell) => cell.model !== 'mini-search');

  it('gives every model of a row the same seed', () => {
    const byRow = new Map<string, Set<number | null>>();
    for (const cell of seeded) {
      const row = `${cell.prompt}/${cell.case}#${cell.repeat}`;
      byRow.set(row, (byRow.get(row) ?? new Set()).add(cell.seed));
    }
    for (const [row, seeds] of byRow) expect(seeds.size, row).toBe(1);
  });

  it('gives each repeat a different seed', () => {
    for (const cell of seeded.filter((c) => c.repeat === 0)) {
      const next = seeded.find((c) => c.prompt === cell.prompt && c.case === cell.case && c.model === cell.model && c.repeat === 1)!;
      expect(next.seed).not.toBe(cell.seed);
    }
  });

  it('keeps every seed an integer below 2^31', () => {
    for (const cell of seeded) {
      expect(Number.isInteger(cell.seed)).toBe(true);
      expect(cell.seed!).toBeLessThan(SEED_LIMIT);
      expect(cell.request.seed).toBe(cell.seed);
    }
  });

  it('lets an explicit case seed win, plus the repeat index', () => {
    const peru = seeded.filter((cell) => cell.case === 'peru');
    expect(peru.map((cell) => cell.seed)).toEqual(peru.map((cell) => 1000 + cell.repeat));
  });

  it('changes derived seeds with the suite seed', () => {
    const reseeded = allCells(buildPlan({ ...orderA, seed: 8 })).filter((cell) => cell.model === 'gpt-4o-mini' && cell.case !== 'peru');
    const original = seeded.filter((cell) => cell.model === 'gpt-4o-mini' && cell.case !== 'peru');
    reseeded.forEach((cell, index) => expect(cell.seed).not.toBe(original[index]!.seed));
  });

  it('uses a seed in model params or suite defaults as the explicit seed', () => {
    const withModelSeed: Suite = { ...orderA, models: orderA.models.map((model) => (model.label === 'gpt-4o' ? { ...model, params: { ...model.params, seed: 5 } } : model)) };
    const gpt4o = allCells(buildPlan(withModelSeed)).filter((cell) => cell.model === 'gpt-4o' && cell.case !== 'peru');
    expect(new Set(gpt4o.map((cell) => cell.seed! - cell.repeat))).toEqual(new Set([5]));
    const withDefaultSeed: Suite = { ...orderA, defaults: { ...orderA.defaults, seed: 11 } };
    const mini = allCells(buildPlan(withDefaultSeed)).filter((cell) => cell.model === 'gpt-4o-mini' && cell.case !== 'peru');
    expect(new Set(mini.map((cell) => cell.seed! - cell.repeat))).toEqual(new Set([11]));
  });
});

describe('buildPlan filters', () => {
  it('keeps the --models in suite order, by label or id', () => {
    expect(buildPlan(orderA, { models: ['gpt-4o', 'gpt-4o-mini'] }).models.map((model) => model.label)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(buildPlan(orderA, { models: ['gpt-4o-mini-search-preview'] }).models.map((model) => model.label)).toEqual(['mini-search']);
    expect(buildPlan(orderA, { models: [] }).models).toHaveLength(3);
  });

  it.each([
    { models: ['gpt-4o-mni'], words: /unknown model "gpt-4o-mni" in models \(did you mean "gpt-4o-mini"\?\): the suite has gpt-4o-mini, mini-search, gpt-4o/ },
    { models: ['claude'], words: /^unknown model "claude" in models: the suite has/ },
  ])('refuses an unknown model in $models, naming the option without a flag', ({ models, words }) => {
    const error = usageError(() => buildPlan(orderA, { models }));
    expect(error.message).toMatch(words);
    expect(error.options).toEqual(['models']);
    expect(error.message).not.toContain('--');
  });

  it.each([
    { filter: 'extract/*', prompts: ['extract'], cases: 5 },
    { filter: 'japan', prompts: ['capital', 'extract'], cases: 1 },
    { filter: '*/{japan,peru}', prompts: ['capital', 'extract'], cases: 2 },
    { filter: 'cap*/chile-*', prompts: ['capital'], cases: 1 },
  ])('keeps only the rows --filter $filter matches', ({ filter, prompts, cases }) => {
    const cells = allCells(buildPlan(orderA, { filter }));
    expect([...new Set(cells.map((cell) => cell.prompt))]).toEqual(prompts);
    expect(new Set(cells.map((cell) => cell.case)).size).toBe(cases);
  });

  it.each([
    { options: { filter: 'nothing/*' }, words: /^filter "nothing\/\*" matches no prompt\/case/, option: 'filter' },
    { options: { filter: '[x' }, words: /unclosed "\["/, option: 'filter' },
    { options: { repeat: 0 }, words: /^invalid repeat 0: expected a whole number >= 1/, option: 'repeat' },
    { options: { repeat: 1.5 }, words: /^invalid repeat 1.5/, option: 'repeat' },
  ])('refuses $options with a usage error naming the option as data', ({ options, words, option }) => {
    const error = usageError(() => buildPlan(orderA, options));
    expect(error.message).toMatch(words);
    expect(error.options).toEqual([option]);
  });
});

describe('buildPlan shards', () => {
  const whole = buildPlan(orderA);
  const wholeIds = allCells(whole).map((cell) => cell.id);

  it.each([1, 2, 3, 4, 5])('splits the plan into %i disjoint shards that cover it, within one row of each other', (count) => {
    const shards = Array.from({ length: count }, (_, index) => buildPlan(orderA, { shard: { index: index + 1, count } }));
    const ids = shards.map((plan) => allCells(plan).map((cell) => cell.id));
    expect(ids.flat().sort()).toEqual([...wholeIds].sort());
    expect(new Set(ids.flat()).size).toBe(wholeIds.length);
    const sizes = ids.map((list) => list.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(whole.models.length);
    shards.forEach((plan, index) => {
      expect(plan.cellCount).toBe(sizes[index]);
      expect(plan.totalCells).toBe(whole.totalCells);
      expect(plan.hash).toBe(whole.hash);
      expect(plan.models.map((_, m) => [...plan.cellsOfModel(m)].length).reduce((a, b) => a + b, 0)).toBe(sizes[index]);
    });
  });

  it('keeps all models of a row in the same shard', () => {
    for (let index = 1; index <= 4; index++) {
      const cells = allCells(buildPlan(orderA, { shard: { index, count: 4 } }));
      const rows = new Map<string, number>();
      for (const cell of cells) rows.set(`${cell.prompt}/${cell.case}#${cell.repeat}`, (rows.get(`${cell.prompt}/${cell.case}#${cell.repeat}`) ?? 0) + 1);
      for (const count of rows.values()) expect(count).toBe(3);
    }
  });

  it('has empty shards when there are more shards than rows', () => {
    const tiny = loadSuite(fixturePath('valid-inline.yaml'));
    const plans = [1, 2, 3, 4].map((index) => buildPlan(tiny, { shard: { index, count: 4 } }));
    expect(plans.map((plan) => plan.cellCount)).toEqual([2, 2, 0, 0]);
    expect(plans.map((plan) => allCells(plan).length)).toEqual([2, 2, 0, 0]);
  });

  it('yields cellsOfModel in plan order with that model only', () => {
    const cells = [...whole.cellsOfModel(1)];
    expect(cells.every((cell) => cell.model === 'mini-search')).toBe(true);
    expect(cells.map((cell) => cell.index)).toEqual(allCells(whole).filter((cell) => cell.model === 'mini-search').map((cell) => cell.index));
  });
});

describe('buildPlan hash', () => {
  const suiteText = (template: string, extra = '') =>
    `name: h\nmodels: [gpt-4o-mini, gpt-4o]\nprompts:\n  - id: p\n    template: "${template}"\ncases:\n  - vars: { q: one }\n  - vars: { q: two }\n${extra}`;
  const hashOf = (text: string, options: PlanOptions = {}) => {
    const temp = writeTempFiles({ 'suite.yaml': text });
    try {
      return buildPlan(loadSuite(join(temp.dir, 'suite.yaml')), options).hash;
    } finally {
      temp.remove();
    }
  };

  it.each([
    { name: 'the template', other: suiteText('Q: {{ q }}!') },
    { name: 'a default parameter', other: suiteText('Q: {{ q }}', 'defaults: { temperature: 1 }\n') },
    { name: 'the suite seed', other: suiteText('Q: {{ q }}', 'seed: 1\n') },
    { name: 'the repeat count', other: suiteText('Q: {{ q }}', 'repeat: 2\n') },
  ])('changes when $name changes', ({ other }) => {
    const base = hashOf(suiteText('Q: {{ q }}'));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(suiteText('Q: {{ q }}'))).toBe(base);
    expect(hashOf(other)).not.toBe(base);
  });

  it('changes with the models and filter kept, not with the shard', () => {
    const text = suiteText('Q: {{ q }}');
    const base = hashOf(text);
    expect(hashOf(text, { models: ['gpt-4o'] })).not.toBe(base);
    expect(hashOf(text, { filter: 'one-*' })).not.toBe(base);
    expect(hashOf(text, { shard: { index: 2, count: 2 } })).toBe(base);
  });
});
