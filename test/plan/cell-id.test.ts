import { describe, expect, it } from 'vitest';
import { cellId } from '../../src/plan/index.js';

describe('cellId', () => {
  it.each([
    { prompt: 'capital', caseId: 'france', model: 'gpt-4o', repeat: 0, id: 'capital/france/gpt-4o#0' },
    { prompt: 'p', caseId: 'c', model: 'org/model', repeat: 2, id: 'p/c/org%2Fmodel#2' },
    { prompt: 'p', caseId: 'c', model: 'a#b%c', repeat: 1, id: 'p/c/a%23b%25c#1' },
  ])('writes $id', ({ prompt, caseId, model, repeat, id }) => {
    expect(cellId(prompt, caseId, model, repeat)).toBe(id);
  });

  it('keeps ids apart that would collide without escaping', () => {
    expect(cellId('a', 'b/c', 'm', 0)).not.toBe(cellId('a/b', 'c', 'm', 0));
    expect(cellId('p', 'c', 'm%2F', 0)).not.toBe(cellId('p', 'c', 'm/', 0));
  });
});
