import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { RESULTS_VERSION } from '../../src/report/index.js';
import { resultsJsonSchema } from '../../src/eval/index.js';
import { makeCell, makeMeta } from './records.js';

const validate = new Ajv({ strict: false }).compile(resultsJsonSchema());

const summary = {
  version: RESULTS_VERSION, endpoint: { kind: 'mock', baseUrl: 'mock' }, complete: true, missingCells: 0, cells: 0, passed: 0, failed: 0, errored: 0,
  passRate: null, passRateInterval: null, meanScore: null, meanScoreInterval: null,
  promptTokens: 0, completionTokens: 0, totalTokens: 0, cost: null, cached: 0, attempts: 0,
  graders: { calls: 0, cached: 0, errors: 0, totalTokens: 0, cost: null },
  spend: { answers: null, graders: null, total: null },
  repeatGroups: 0, models: [], metrics: {},
};

describe('resultsJsonSchema', () => {
  test('is a draft-07 JSON Schema that the CLI can print', () => {
    expect(resultsJsonSchema()).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
    expect(JSON.parse(JSON.stringify(resultsJsonSchema()))).toEqual(resultsJsonSchema());
  });

  test.each<{ title: string; file: unknown; valid: boolean }>([
    { title: 'a minimal file', file: { version: RESULTS_VERSION, run: makeMeta(), cells: [makeCell()], summary }, valid: true },
    { title: 'another version', file: { version: RESULTS_VERSION + 1, run: makeMeta(), cells: [], summary }, valid: false },
    { title: 'a score above one', file: { version: RESULTS_VERSION, run: makeMeta(), cells: [makeCell({ score: 1.5 })], summary }, valid: false },
    { title: 'an unknown cell key', file: { version: RESULTS_VERSION, run: makeMeta(), cells: [{ ...makeCell(), extra: 1 }], summary }, valid: false },
    { title: 'a missing summary', file: { version: RESULTS_VERSION, run: makeMeta(), cells: [] }, valid: false },
  ])('judges $title', ({ file, valid }) => {
    expect(validate(file)).toBe(valid);
  });
});
