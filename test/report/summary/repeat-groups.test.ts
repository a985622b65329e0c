import { describe, expect, test } from 'vitest';
import type { CellRecord } from '../../../src/run/index.js';
import { RepeatGrouper } from '../../../src/report/summary/repeat-groups.js';
import { makeCell, makeErroredCell } from '../records.js';

function groupAll(cells: CellRecord[]) {
  const grouper = new RepeatGrouper();
  const batches = cells.map((cell) => grouper.add(cell).length);
  return { batches, last: grouper.finish() };
}

describe('RepeatGrouper', () => {
  test('hands out a block only when the next prompt or case starts, and the last one on finish', () => {
    const { batches, last } = groupAll([
      makeCell({ model: 'mini' }),
      makeCell({ model: 'big' }),
      makeCell({ model: 'mini', repeat: 1 }),
      makeCell({ model: 'big', repeat: 1 }),
      makeCell({ case: 'spain' }),
      makeCell({ prompt: 'other', case: 'spain' }),
    ]);
    expect(batches).toEqual([0, 0, 0, 0, 2, 1]);
    expect(last.map((group) => [group.prompt, group.case, group.model])).toEqual([['other', 'spain', 'mini']]);
  });

  test.each<{ title: string; passes: (boolean | null)[]; expected: Record<string, unknown> }>([
    { title: 'all repeats passing', passes: [true, true, true], expected: { n: 3, passed: 3, passAtK: 1, passHatK: 1, meanScore: 1 } },
    { title: 'one of three passing', passes: [false, true, false], expected: { n: 3, passed: 1, passAtK: 1, passHatK: 0 } },
    { title: 'no repeat passing', passes: [false, false], expected: { n: 2, passed: 0, passAtK: 0, passHatK: 0, meanScore: 0 } },
    { title: 'an errored repeat', passes: [true, null], expected: { cells: 2, n: 1, errored: 1, k: 1, passAtK: 1, passHatK: 1 } },
    {
      title: 'only errored repeats',
      passes: [null, null],
      expected: { n: 0, errored: 2, k: 0, passAtK: null, passHatK: null, meanScore: null, meanScoreInterval: null },
    },
  ])('scores $title', ({ passes, expected }) => {
    const cells = passes.map((pass, repeat) => (pass === null ? makeErroredCell({ repeat }) : makeCell({ repeat, pass })));
    const { last } = groupAll(cells);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ cells: passes.length, k: expected.n, ...expected });
  });

  test('takes the Wilson interval on the sum of fractional scores', () => {
    const { last } = groupAll([makeCell({ score: 1 }), makeCell({ repeat: 1, score: 0.5, pass: false }), makeCell({ repeat: 2, score: 0, pass: false })]);
    expect(last[0].meanScore).toBeCloseTo(0.5, 12);
    expect(last[0].meanScoreInterval!.low).toBeCloseTo(0.1253344719102632, 12);
    expect(last[0].meanScoreInterval!.high).toBeCloseTo(0.8746655280897369, 12);
  });
});
