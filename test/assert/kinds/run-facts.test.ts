import { describe, expect, it } from 'vitest';
import { scoreAnswer, type Answer, type AssertionSpec } from '../../../src/assert/index.js';
import { makeAnswer } from '../answer-fixture.js';

/** Scores an answer with the given run facts against `spec`. */
async function score(facts: Partial<Answer>, spec: AssertionSpec) {
  return scoreAnswer(makeAnswer(facts), spec);
}

const wiki = { url: 'https://en.wikipedia.org/wiki/Paris', title: 'Paris' };
const gov = { url: 'https://www.paris.fr/', title: null };

describe('run fact kinds', () => {
  it.each([
    { spec: { type: 'latency', max: 1000 }, facts: { latencyMs: 812 }, pass: true },
    { spec: { type: 'latency', max: 1000 }, facts: { latencyMs: 1000 }, pass: true },
    { spec: { type: 'latency', max: 1000 }, facts: { latencyMs: 1200 }, pass: false },
    { spec: { type: 'latency', max: 1000 }, facts: { latencyMs: null }, pass: false },
    { spec: { type: 'cost', max: 0.01 }, facts: { cost: 0.002 }, pass: true },
    { spec: { type: 'cost', max: 0.001 }, facts: { cost: 0.002 }, pass: false },
    { spec: { type: 'cost', max: 0 }, facts: { cost: 0 }, pass: true },
    { spec: { type: 'finish-reason', value: 'stop' }, facts: { finishReason: 'stop' }, pass: true },
    { spec: { type: 'finish-reason', value: 'stop' }, facts: { finishReason: 'length' }, pass: false },
    { spec: { type: 'finish-reason', value: 'stop' }, facts: { finishReason: null }, pass: false },
    { spec: { type: 'max-tokens', max: 20 }, facts: { completionTokens: 20 }, pass: true },
    { spec: { type: 'max-tokens', max: 20 }, facts: { completionTokens: 21 }, pass: false },
    { spec: { type: 'max-tokens', max: 20 }, facts: { completionTokens: null }, pass: false },
    { spec: { type: 'has-citation' }, facts: { citations: [wiki] }, pass: true },
    { spec: { type: 'has-citation' }, facts: { citations: [] }, pass: false },
    { spec: { type: 'has-citation', min: 2 }, facts: { citations: [wiki] }, pass: false },
    { spec: { type: 'has-citation', min: 2 }, facts: { citations: [wiki, gov] }, pass: true },
    { spec: { type: 'citation-domain', value: 'wikipedia.org' }, facts: { citations: [gov, wiki] }, pass: true },
    { spec: { type: 'citation-domain', value: 'en.wikipedia.org' }, facts: { citations: [wiki] }, pass: true },
    { spec: { type: 'citation-domain', value: 'WIKIPEDIA.org' }, facts: { citations: [wiki] }, pass: true },
    { spec: { type: 'citation-domain', value: 'pedia.org' }, facts: { citations: [wiki] }, pass: false },
    { spec: { type: 'citation-domain', value: ['britannica.com', 'paris.fr'] }, facts: { citations: [gov] }, pass: true },
    { spec: { type: 'citation-domain', value: 'paris.fr' }, facts: { citations: [] }, pass: false },
    { spec: { type: 'citation-domain', value: 'paris.fr' }, facts: { citations: [{ url: 'not a url', title: null }] }, pass: false },
  ])('$spec.type passes: $pass for $facts', async ({ spec, facts, pass }) => {
    const result = await score(facts, spec);
    expect(result.error).toBeNull();
    expect(result.pass).toBe(pass);
  });

  it('says the suite has no pricing when the cost is unknown', async () => {
    const result = await score({ cost: null }, { type: 'cost', max: 0.01 });
    expect(result.reason).toBe('expected to cost at most $0.01, got an unknown cost: the suite has no pricing for this model');
  });

  it('reports latency in milliseconds', async () => {
    const result = await score({ latencyMs: 1234.4 }, { type: 'latency', max: 1000 });
    expect(result.reason).toBe('expected to take at most 1000 ms, got 1234 ms');
  });

  it('lists the cited hosts when no citation is on the domain', async () => {
    const result = await score({ citations: [wiki, gov, wiki] }, { type: 'citation-domain', value: 'britannica.com' });
    expect(result.reason).toBe('expected to cite "britannica.com", got citations from "en.wikipedia.org" and "www.paris.fr"');
  });

  it('names the matching citation host when it passes', async () => {
    const result = await score({ citations: [gov, wiki] }, { type: 'citation-domain', value: 'wikipedia.org' });
    expect(result.reason).toBe('cites "en.wikipedia.org"');
  });
});
