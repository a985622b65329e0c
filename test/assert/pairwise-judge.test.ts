import { describe, expect, it } from 'vitest';
import { buildJudgeMessages, combineVerdicts, parseJudgeVerdict } from '../../src/assert/index.js';

describe('pairwise judge protocol', () => {
  it.each([
    ['first', 'second', 'a'],
    ['second', 'first', 'b'],
    ['tie', 'tie', 'tie'],
    ['first', 'first', 'tie'],
    ['second', 'second', 'tie'],
    ['first', 'tie', 'tie'],
  ] as const)('combines %s (a shown first) and %s (b shown first) into %s', (aFirst, bFirst, outcome) => {
    expect(combineVerdicts(aFirst, bFirst)).toBe(outcome);
  });

  it('reads a verdict from bare JSON, a fence or prose, and refuses anything else', () => {
    expect(parseJudgeVerdict('{"better": "second", "reason": "clearer"}')).toEqual({ ok: true, better: 'second', reason: 'clearer' });
    expect(parseJudgeVerdict('Sure:\n```json\n{"better": "tie"}\n```')).toMatchObject({ ok: true, better: 'tie' });
    expect(parseJudgeVerdict('The first one.')).toMatchObject({ ok: false, error: expect.stringMatching(/^malformed judge verdict/) });
  });

  it('shows the question, the rubric and both answers in order', () => {
    const [system, user] = buildJudgeMessages('Be right', 'Capital of France?', 'Paris', 'Lyon');
    expect(system!.content).toContain('onetoken-eval grader');
    expect(user!.content).toBe('Question:\nCapital of France?\n\nRubric:\nBe right\n\nFirst answer:\nParis\n\nSecond answer:\nLyon');
  });
});
